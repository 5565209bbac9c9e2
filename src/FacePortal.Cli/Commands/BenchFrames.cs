using FacePortal.Shared.Models;

namespace FacePortal.Cli.Commands;

/// <summary>
/// Bare runs of each model's session (the setting in use, synthetic input): what the pipeline cannot
/// go below. They are run between the pipeline runs of a frame, so both see the same machine: on a
/// shared machine, timings taken minutes apart are not comparable.
/// </summary>
internal sealed class BareSessions : IDisposable
{
    private readonly (InferenceRunner Runner, List<double> Times)[] _models;

    public BareSessions(FaceModels models)
    {
        _models = [.. new[] { ModelFile.Detector, ModelFile.Landmarks, ModelFile.Embedder }
            .Select(file => (new InferenceRunner(models[file]), new List<double>()))];
    }

    /// <summary>One bare run of each model.</summary>
    public void RunEach()
    {
        foreach (var (runner, times) in _models)
        {
            times.Add(runner.Run());
        }
    }

    /// <summary>p50 of the runs since the last <see cref="Reset"/>.</summary>
    public BareModelTimes Times() => new(
        BenchCommand.Percentile(_models[0].Times, 0.5),
        BenchCommand.Percentile(_models[1].Times, 0.5),
        BenchCommand.Percentile(_models[2].Times, 0.5));

    public void Reset()
    {
        foreach (var (_, times) in _models)
        {
            times.Clear();
        }
    }

    public void Dispose()
    {
        foreach (var (runner, _) in _models)
        {
            runner.Dispose();
        }
    }

    private sealed class InferenceRunner(Microsoft.ML.OnnxRuntime.InferenceSession session) : IDisposable
    {
        private readonly SyntheticInput _input = SyntheticInput.For(session);

        public double Run() => _input.Run(session).TotalMilliseconds;

        public void Dispose() => _input.Dispose();
    }
}

/// <summary>p50 of a bare run of each model, in milliseconds.</summary>
internal sealed record BareModelTimes(double Detect, double Landmarks, double Embed)
{
    /// <summary>The models' own time for a frame: one detection, then landmarks and an embedding per face.</summary>
    public double Sum(int faces) => Detect + (faces * (Landmarks + Embed));
}

/// <summary>Per-stage timings of one encoded frame through the whole pipeline, after a warm-up, with bare model runs in between.</summary>
internal sealed class FrameBench
{
    private readonly List<PipelineTimings> _timings;

    private FrameBench(int faces, List<PipelineTimings> timings, BareModelTimes bare)
    {
        Faces = faces;
        _timings = timings;
        Bare = bare;
    }

    public int Faces { get; }

    public BareModelTimes Bare { get; }

    public double TotalP50 => BenchCommand.Percentile(_timings.Select(t => t.Total.TotalMilliseconds), 0.5);

    public double Ratio => TotalP50 / Bare.Sum(Faces);

    public static FrameBench Measure(FacePipeline pipeline, BareSessions bare, byte[] encoded, int runs)
    {
        var faces = pipeline.Analyze(encoded).Count;
        for (var i = 0; i < Math.Min(20, runs); i++)
        {
            pipeline.Analyze(encoded);
            bare.RunEach();
        }

        bare.Reset();
        var timings = new List<PipelineTimings>(runs);
        for (var i = 0; i < runs; i++)
        {
            var t = new PipelineTimings();
            pipeline.Analyze(encoded, t);
            timings.Add(t);
            bare.RunEach();
        }

        return new FrameBench(faces, timings, bare.Times());
    }

    public void Write(TextWriter output)
    {
        output.WriteLine("Stage       p50 ms   p95 ms   bare p50 ms");
        Row(output, "decode", t => t.Decode, null);
        Row(output, "detect", t => t.Detect, Bare.Detect);
        Row(output, "landmarks", t => t.Landmarks, Faces * Bare.Landmarks);
        Row(output, "align", t => t.Align, null);
        Row(output, "embed", t => t.Embed, Faces * Bare.Embed);
        Row(output, "total", t => t.Total, Bare.Sum(Faces));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"End-to-end p50 / sum of bare model times: {TotalP50:0.00} / {Bare.Sum(Faces):0.00} ms = {Ratio:0.00}x ({(Ratio <= BenchCommand.TargetRatio ? "within" : "above")} the {BenchCommand.TargetRatio:0.0}x target)"));
    }

    private void Row(TextWriter output, string stage, Func<PipelineTimings, TimeSpan> pick, double? bare)
    {
        var ms = _timings.Select(t => pick(t).TotalMilliseconds).ToList();
        var floor = bare is { } b ? b.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(12) : string.Empty.PadLeft(11) + "-";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage,-10} {BenchCommand.Percentile(ms, 0.50),7:0.00}  {BenchCommand.Percentile(ms, 0.95),7:0.00}  {floor}"));
    }
}
