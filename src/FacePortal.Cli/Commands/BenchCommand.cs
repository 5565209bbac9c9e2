using System.Diagnostics;
using System.Globalization;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Imaging;

namespace FacePortal.Cli.Commands;

/// <summary>
/// bench [--image FILE] [--runs N] [--seconds S]: per-stage latency of the pipeline on one
/// 640x480 JPEG with one face, on one core, then throughput with every core busy.
/// </summary>
public static class BenchCommand
{
    public const string DefaultImage = "../shared/datasets/deepface/img1.jpg";

    public static int Run(CommandArguments args, TextWriter output)
    {
        var source = args.Optional("image") ?? DefaultImage;
        if (!File.Exists(source))
        {
            throw new CommandLineException($"Benchmark image '{source}' not found (pass --image FILE).");
        }

        var runs = args.Int("runs", 300);
        var seconds = args.Int("seconds", 5);
        byte[] jpeg;
        using (var photo = new ImageDecoder().Decode(File.ReadAllBytes(source)))
        {
            jpeg = ImageTransforms.CoverJpeg(photo, 640, 480);
        }

        output.WriteLine($"Machine: {MachineInfo.Describe()}");
        output.WriteLine($"Input: {Path.GetFileName(source)} as a 640x480 JPEG ({jpeg.Length / 1024} KiB); {runs} runs, 1 intra-op thread");

        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            var faces = pipeline.Analyze(jpeg);
            if (faces.Count != 1)
            {
                throw new CommandLineException($"The benchmark frame must show exactly one face; it shows {faces.Count}.");
            }

            for (var i = 0; i < 20; i++)
            {
                pipeline.Analyze(jpeg);
            }

            var timings = new List<PipelineTimings>(runs);
            for (var i = 0; i < runs; i++)
            {
                var t = new PipelineTimings();
                pipeline.Analyze(jpeg, t);
                timings.Add(t);
            }

            output.WriteLine("Stage       p50 ms   p95 ms");
            Report(output, "decode", timings.Select(t => t.Decode));
            Report(output, "detect", timings.Select(t => t.Detect));
            Report(output, "landmarks", timings.Select(t => t.Landmarks));
            Report(output, "align", timings.Select(t => t.Align));
            Report(output, "embed", timings.Select(t => t.Embed));
            Report(output, "total", timings.Select(t => t.Total));

            var workers = Environment.ProcessorCount;
            var count = 0L;
            var stopwatch = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
            {
                while (stopwatch.Elapsed < deadline)
                {
                    pipeline.Analyze(jpeg);
                    Interlocked.Increment(ref count);
                }
            });
            output.WriteLine($"Throughput: {count / stopwatch.Elapsed.TotalSeconds:0.0} faces/s with {workers} workers busy for {stopwatch.Elapsed.TotalSeconds:0.0} s");
        }

        return 0;
    }

    private static void Report(TextWriter output, string stage, IEnumerable<TimeSpan> values)
    {
        var ms = values.Select(v => v.TotalMilliseconds).Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-10} {Percentile(ms, 0.50),7:0.00}  {Percentile(ms, 0.95),7:0.00}"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];
}
