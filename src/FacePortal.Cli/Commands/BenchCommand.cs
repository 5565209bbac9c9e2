using System.Diagnostics;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Models;

namespace FacePortal.Cli.Commands;

/// <summary>
/// bench [--image FILE] [--group FILE] [--runs N] [--seconds S] [--tuning T]: the session setting
/// chosen for each model and its bare run time (the floor), then per-stage latency on one core for
/// a 640x480 JPEG with one face, a group photo with four faces and a 1280x720 frame, each beside the
/// sum of the bare model times it needs, then throughput with every core busy.
/// </summary>
public static class BenchCommand
{
    public const string DefaultImage = "../shared/datasets/deepface/img1.jpg";

    /// <summary>A face-api demo photo with four faces (installed by scripts/setup.sh --for-tests, which ./test.sh runs).</summary>
    public const string DefaultGroupImage = ".cache/npm/face-api/demo/sample4.jpg";

    /// <summary>The acceptance bar: the whole pipeline may add at most 30 % to its models' own time.</summary>
    public const double TargetRatio = 1.3;

    public static int Run(CommandArguments args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var source = args.Optional("image") ?? DefaultImage;
        if (!File.Exists(source))
        {
            throw new CommandLineException($"Benchmark image '{source}' not found (pass --image FILE).");
        }

        var group = args.Optional("group") ?? DefaultGroupImage;
        var runs = args.Int("runs", 300);
        var seconds = args.Int("seconds", 5);
        byte[] frame, wide;
        using (var photo = new ImageDecoder().Decode(File.ReadAllBytes(source)))
        {
            frame = ImageTransforms.CoverJpeg(photo, 640, 480);
            wide = ImageTransforms.CoverJpeg(photo, 1280, 720);
        }

        output.WriteLine($"Machine: {MachineInfo.Describe()}");
        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            var threads = models.Options.IntraOpThreads;
            output.WriteLine($"Sessions: {models.ExecutionProvider}, {threads} intra-op thread(s), tuning {models.Options.Tuning} (cache {models.Options.ResolveTuningCacheDirectory()}), loaded in {models.LoadTime.TotalSeconds:0.00} s");
            foreach (var file in new[] { ModelFile.Detector, ModelFile.Landmarks, ModelFile.Embedder })
            {
                output.WriteLine($"  {file,-17} {models.Tuning[file].Describe()}");
            }

            using var bare = new BareSessions(models);
            var single = FrameBench.Measure(pipeline, bare, frame, runs);
            if (single.Faces != 1)
            {
                throw new CommandLineException($"The benchmark frame must show exactly one face; it shows {single.Faces}.");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Bare sessions (setting in use, synthetic input, p50, run between the frames below): detect {single.Bare.Detect:0.00} ms, landmarks {single.Bare.Landmarks:0.00} ms, embed {single.Bare.Embed:0.00} ms; sum {single.Bare.Sum(1):0.00} ms"));
            output.WriteLine();
            output.WriteLine($"Frame: {Path.GetFileName(source)} as a 640x480 JPEG ({frame.Length / 1024} KiB), 1 face; {runs} runs on one core");
            single.Write(output);

            var extraRuns = Math.Max(20, runs / 5);
            var pipelineFaces = new FacePipelineOptions().MaxParallelFaces;
            if (File.Exists(group))
            {
                var groupJpeg = File.ReadAllBytes(group);
                using var header = pipeline.Decoder.Decode(groupJpeg);
                var groupBench = FrameBench.Measure(pipeline, bare, groupJpeg, extraRuns);
                output.WriteLine();
                output.WriteLine($"Frame: {Path.GetFileName(group)} ({header.OriginalWidth}x{header.OriginalHeight}, {groupJpeg.Length / 1024} KiB), {groupBench.Faces} faces; {extraRuns} runs, faces side by side on up to {pipelineFaces} cores");
                groupBench.Write(output);
            }
            else
            {
                output.WriteLine();
                output.WriteLine($"Group photo '{group}' not found (pass --group FILE, or run scripts/setup.sh --for-tests); skipped.");
            }

            var wideBench = FrameBench.Measure(pipeline, bare, wide, extraRuns);
            output.WriteLine();
            output.WriteLine($"Frame: {Path.GetFileName(source)} as a 1280x720 JPEG ({wide.Length / 1024} KiB), {wideBench.Faces} face(s); {extraRuns} runs on one core");
            wideBench.Write(output);

            output.WriteLine();
            var workers = Environment.ProcessorCount;
            var count = 0L;
            var stopwatch = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
            {
                while (stopwatch.Elapsed < deadline)
                {
                    pipeline.Analyze(frame);
                    Interlocked.Increment(ref count);
                }
            });
            output.WriteLine($"Throughput (640x480, 1 face): {count / stopwatch.Elapsed.TotalSeconds:0.0} faces/s with {workers} workers busy for {stopwatch.Elapsed.TotalSeconds:0.0} s");
        }

        return 0;
    }

    internal static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }
}
