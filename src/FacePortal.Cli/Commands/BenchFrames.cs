using System.Globalization;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Models;

namespace FacePortal.Cli.Commands;

/// <summary>p50 of a bare run of each model's session, in milliseconds: what the pipeline cannot go below.</summary>
internal sealed record BareModelTimes(double Detect, double Landmarks, double Embed)
{
    public static BareModelTimes Measure(FaceModels models, int runs) =>
        new(P50(models, ModelFile.Detector, runs), P50(models, ModelFile.Landmarks, runs), P50(models, ModelFile.Embedder, runs));

    /// <summary>The models' own time for a frame: one detection, then landmarks and an embedding per face.</summary>
    public double Sum(int faces) => Detect + (faces * (Landmarks + Embed));

    private static double P50(FaceModels models, string file, int runs)
    {
        var session = models[file];
        using var input = SyntheticInput.For(session);
        return BenchCommand.Percentile(input.Time(session, runs).Select(t => t.TotalMilliseconds), 0.5);
    }
}

/// <summary>Per-stage timings of one encoded frame through the whole pipeline, after a warm-up.</summary>
internal sealed class FrameBench
{
    private readonly List<PipelineTimings> _timings;

    private FrameBench(int faces, List<PipelineTimings> timings)
    {
        Faces = faces;
        _timings = timings;
    }

    public int Faces { get; }

    public static FrameBench Measure(FacePipeline pipeline, byte[] encoded, int runs)
    {
        var faces = pipeline.Analyze(encoded).Count;
        for (var i = 0; i < Math.Min(20, runs); i++)
        {
            pipeline.Analyze(encoded);
        }

        var timings = new List<PipelineTimings>(runs);
        for (var i = 0; i < runs; i++)
        {
            var t = new PipelineTimings();
            pipeline.Analyze(encoded, t);
            timings.Add(t);
        }

        return new FrameBench(faces, timings);
    }

    public void Write(TextWriter output, BareModelTimes bare)
    {
        output.WriteLine("Stage       p50 ms   p95 ms   bare p50 ms");
        Row(output, "decode", t => t.Decode, null);
        Row(output, "detect", t => t.Detect, bare.Detect);
        Row(output, "landmarks", t => t.Landmarks, Faces * bare.Landmarks);
        Row(output, "align", t => t.Align, null);
        Row(output, "embed", t => t.Embed, Faces * bare.Embed);
        Row(output, "total", t => t.Total, bare.Sum(Faces));
        var total = BenchCommand.Percentile(_timings.Select(t => t.Total.TotalMilliseconds), 0.5);
        var ratio = total / bare.Sum(Faces);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"End-to-end p50 / sum of bare model times: {total:0.00} / {bare.Sum(Faces):0.00} ms = {ratio:0.00}x ({(ratio <= BenchCommand.TargetRatio ? "within" : "above")} the {BenchCommand.TargetRatio:0.0}x target)"));
    }

    private void Row(TextWriter output, string stage, Func<PipelineTimings, TimeSpan> pick, double? bare)
    {
        var ms = _timings.Select(t => pick(t).TotalMilliseconds).ToList();
        var floor = bare is { } b ? b.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(12) : string.Empty.PadLeft(11) + "-";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage,-10} {BenchCommand.Percentile(ms, 0.50),7:0.00}  {BenchCommand.Percentile(ms, 0.95),7:0.00}  {floor}"));
    }
}
