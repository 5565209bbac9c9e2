using FacePortal.Shared.Models;
using FacePortal.Shared.Tests.Support;

namespace FacePortal.Shared.Tests.Models;

/// <summary>The tuner on real models, with its cache in a temporary folder and a budget of three rounds.</summary>
public sealed class SessionTunerTests : IDisposable
{
    private static readonly TuningBudget Quick = new() { MinRounds = 3, MaxRounds = 3 };

    private readonly string _dir = Directory.CreateTempSubdirectory("faceportal-tuning-").FullName;

    private string CacheDir => Path.Combine(_dir, "cache");

    [Fact]
    public void Auto_times_every_candidate_once_and_later_loads_read_the_cache()
    {
        var model = Path.Combine(TestPaths.Models, ModelFile.Landmarks);
        var hash = ModelManifest.Sha256Of(model);

        var first = Tuner("CPU A").Load(model, hash, SessionTuning.Auto);
        first.Session.Dispose();
        var cacheFile = new TuningCache(CacheDir).PathFor(ModelFile.Landmarks, 1);
        var written = File.GetLastWriteTimeUtc(cacheFile);
        var second = Tuner("CPU A").Load(model, hash, SessionTuning.Auto);
        second.Session.Dispose();

        Assert.Equal(TuningSource.Measured, first.Report.Source);
        Assert.Equal(SessionSetting.Candidates.Select(c => c.Name), first.Report.Timings.Select(t => t.Setting));
        Assert.All(first.Report.Timings, t => Assert.True(t.BestMilliseconds > 0 && t.MedianMilliseconds >= t.BestMilliseconds && t.Runs >= 3, $"{t.Setting}: {t.BestMilliseconds} ms over {t.Runs} runs"));
        Assert.Contains(first.Report.Setting, SessionSetting.Candidates.Select(c => c.Name));
        Assert.Null(first.Report.Note);

        Assert.Equal(TuningSource.Cached, second.Report.Source);
        Assert.Equal(first.Report.Setting, second.Report.Setting);
        Assert.Equal(first.Report.Timings, second.Report.Timings);
        Assert.Equal(written, File.GetLastWriteTimeUtc(cacheFile));
    }

    [Fact]
    public void A_changed_model_file_is_timed_again()
    {
        var model = Path.Combine(_dir, "model.onnx");
        File.Copy(Path.Combine(TestPaths.Models, ModelFile.Landmarks), model);
        Tuner("CPU A").Load(model, ModelManifest.Sha256Of(model), SessionTuning.Auto).Session.Dispose();

        File.Copy(Path.Combine(TestPaths.Models, ModelFile.Detector), model, overwrite: true);
        var newHash = ModelManifest.Sha256Of(model);
        var after = Tuner("CPU A").Load(model, newHash, SessionTuning.Auto);
        after.Session.Dispose();
        var again = Tuner("CPU A").Load(model, newHash, SessionTuning.Auto);
        again.Session.Dispose();

        Assert.Equal(TuningSource.Measured, after.Report.Source);
        Assert.Equal(TuningSource.Cached, again.Report.Source);
        Assert.Equal(newHash, new TuningCache(CacheDir).Read("model.onnx", TuningKey.For(Environment("CPU A"), newHash))!.Key.ModelSha256);
    }

    [Fact]
    public void Another_cpu_or_thread_count_is_timed_again()
    {
        var model = Path.Combine(TestPaths.Models, ModelFile.Landmarks);
        var hash = ModelManifest.Sha256Of(model);
        Tuner("CPU A").Load(model, hash, SessionTuning.Auto).Session.Dispose();

        var otherCpu = Tuner("CPU B").Load(model, hash, SessionTuning.Auto);
        otherCpu.Session.Dispose();
        var otherThreads = new SessionTuner(new TuningCache(CacheDir), Environment("CPU B") with { IntraOpThreads = 2 }, Quick).Load(model, hash, SessionTuning.Auto);
        otherThreads.Session.Dispose();

        Assert.Equal(TuningSource.Measured, otherCpu.Report.Source);
        Assert.Equal(TuningSource.Measured, otherThreads.Report.Source);
    }

    [Theory]
    [InlineData(SessionTuning.Off, "ALL")]
    [InlineData(SessionTuning.All, "ALL")]
    [InlineData(SessionTuning.Extended, "EXTENDED")]
    [InlineData(SessionTuning.Basic, "BASIC")]
    public void A_fixed_setting_is_used_as_configured_without_timing_or_caching(SessionTuning tuning, string expected)
    {
        var model = Path.Combine(TestPaths.Models, ModelFile.Embedder);

        var tuned = Tuner("CPU A").Load(model, ModelManifest.Sha256Of(model), tuning);
        tuned.Session.Dispose();

        Assert.Equal(TuningSource.Configured, tuned.Report.Source);
        Assert.Equal(expected, tuned.Report.Setting);
        Assert.Empty(tuned.Report.Timings);
        Assert.Equal(tuning == SessionTuning.Off ? "tuning is off" : null, tuned.Report.Note);
        Assert.False(Directory.Exists(CacheDir));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_still_gives_a_tuned_session_and_says_so()
    {
        var blocked = Path.Combine(_dir, "a-file");
        File.WriteAllText(blocked, "not a folder");
        var model = Path.Combine(TestPaths.Models, ModelFile.Landmarks);

        var tuned = new SessionTuner(new TuningCache(blocked), Environment("CPU A"), Quick).Load(model, ModelManifest.Sha256Of(model), SessionTuning.Auto);
        tuned.Session.Dispose();

        Assert.Equal(TuningSource.Measured, tuned.Report.Source);
        Assert.Contains("not cached", tuned.Report.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_cache_file_is_timed_again_and_replaced()
    {
        var model = Path.Combine(TestPaths.Models, ModelFile.Landmarks);
        var hash = ModelManifest.Sha256Of(model);
        Directory.CreateDirectory(CacheDir);
        File.WriteAllText(new TuningCache(CacheDir).PathFor(ModelFile.Landmarks, 1), "{ not json");

        var tuned = Tuner("CPU A").Load(model, hash, SessionTuning.Auto);
        tuned.Session.Dispose();

        Assert.Equal(TuningSource.Measured, tuned.Report.Source);
        Assert.NotNull(new TuningCache(CacheDir).Read(ModelFile.Landmarks, TuningKey.For(Environment("CPU A"), hash)));
    }

    [Fact]
    public void Loading_the_pipeline_tunes_each_model_and_a_second_load_reads_every_decision()
    {
        var options = new FaceModelOptions { Directory = TestPaths.Models, TuningCacheDirectory = CacheDir };

        IReadOnlyDictionary<string, SessionTuningReport> first, second;
        using (var models = FaceModels.LoadPipeline(options))
        {
            first = models.Tuning;
        }

        using (var models = FaceModels.LoadPipeline(options))
        {
            second = models.Tuning;
        }

        Assert.Equal([ModelFile.Detector, ModelFile.Embedder, ModelFile.Landmarks], first.Keys.Order(StringComparer.Ordinal));
        Assert.All(first.Values, r => Assert.Equal(TuningSource.Measured, r.Source));
        Assert.All(second.Values, r => Assert.Equal(TuningSource.Cached, r.Source));
        Assert.All(second, r => Assert.Equal(first[r.Key].Setting, r.Value.Setting));

        // Start-up stays quick: timing three models on first start is bounded by the budget, not by the models.
        Assert.True(first.Values.Sum(r => r.Elapsed.TotalSeconds) < 20, string.Join("; ", first.Values.Select(r => $"{r.File} {r.Elapsed.TotalSeconds:0.0} s")));
    }

    [Fact]
    public void Loading_the_pipeline_with_tuning_off_uses_plain_all_everywhere_and_writes_nothing()
    {
        using var models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = TestPaths.Models, TuningCacheDirectory = CacheDir, Tuning = SessionTuning.Off });

        Assert.All(models.Tuning.Values, r =>
        {
            Assert.Equal(TuningSource.Configured, r.Source);
            Assert.Equal("ALL", r.Setting);
        });
        Assert.False(Directory.Exists(CacheDir));
    }

    private SessionTuner Tuner(string cpu) => new(new TuningCache(CacheDir), Environment(cpu), Quick);

    private static TuningEnvironment Environment(string cpu) => TuningEnvironment.Current(1) with { Cpu = cpu };

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
