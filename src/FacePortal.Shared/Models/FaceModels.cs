namespace FacePortal.Shared.Models;

/// <summary>
/// The one place that loads the face models: verifies each file, picks the execution
/// provider once, tunes each CPU session for this machine (<see cref="SessionTuner"/>), and owns
/// the sessions. Sessions are created once and shared; ONNX Runtime's Run is safe to call from
/// many threads at once.
/// </summary>
public sealed class FaceModels : IDisposable
{
    private readonly Dictionary<string, InferenceSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionTuningReport> _tuning = new(StringComparer.Ordinal);

    private FaceModels(FaceModelOptions options, string directory, string provider, string? providerNote)
    {
        Options = options;
        Directory = directory;
        ExecutionProvider = provider;
        ExecutionProviderNote = providerNote;
    }

    public FaceModelOptions Options { get; }

    /// <summary>Absolute folder the models were loaded from.</summary>
    public string Directory { get; }

    /// <summary>"CUDA" or "CPU": what the sessions actually run on.</summary>
    public string ExecutionProvider { get; }

    /// <summary>Why CUDA was not used, when it was asked for or could have been.</summary>
    public string? ExecutionProviderNote { get; }

    public IReadOnlyCollection<string> LoadedFiles => _sessions.Keys;

    /// <summary>Per model file: the session setting in use, what was measured and where the decision came from.</summary>
    public IReadOnlyDictionary<string, SessionTuningReport> Tuning => _tuning;

    public TimeSpan LoadTime { get; private set; }

    /// <summary>True when this binary was built with the GPU packages (-p:FacePortalGpu=true).</summary>
    public static bool IsGpuBuild =>
#if FACEPORTAL_GPU
        true;
#else
        false;
#endif

    public InferenceSession this[string fileName] => _sessions[fileName];

    public static FaceModels Load(FaceModelOptions options, params string[] files)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = options.ResolveDirectory();
        var started = Stopwatch.GetTimestamp();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.VerifyChecksums)
        {
            foreach (var file in files)
            {
                hashes[file] = ModelManifest.Embedded.Verify(directory, file);
            }
        }

        var (provider, note) = ChooseProvider(options);
        var models = new FaceModels(options, directory, provider, note);
        var tuner = new SessionTuner(new TuningCache(options.ResolveTuningCacheDirectory()), TuningEnvironment.Current(options.IntraOpThreads));
        try
        {
            foreach (var file in files)
            {
                var path = Path.Combine(directory, file);
                if (provider == "CUDA")
                {
                    var cudaStarted = Stopwatch.GetTimestamp();
                    using var sessionOptions = CreateCudaSessionOptions(options);
                    models._sessions[file] = new InferenceSession(path, sessionOptions);
                    models._tuning[file] = new SessionTuningReport(file, SessionSetting.All.Name, TuningSource.Cuda, [], Stopwatch.GetElapsedTime(cudaStarted));
                    continue;
                }

                // The hash keys the tuning cache; only Auto needs it when the checksums were not checked.
                var hash = hashes.GetValueOrDefault(file) ?? (options.Tuning == SessionTuning.Auto ? ModelManifest.Sha256Of(path) : string.Empty);
                var tuned = tuner.Load(path, hash, options.Tuning);
                models._sessions[file] = tuned.Session;
                models._tuning[file] = tuned.Report;
            }
        }
        catch
        {
            models.Dispose();
            throw;
        }

        models.LoadTime = Stopwatch.GetElapsedTime(started);
        return models;
    }

    /// <summary>Loads the detector, landmark and embedding models the face pipeline needs.</summary>
    public static FaceModels LoadPipeline(FaceModelOptions options) =>
        Load(options, ModelFile.Detector, ModelFile.Landmarks, ModelFile.Embedder);

    /// <summary>CUDA keeps its own path: ONNX Runtime's full optimisation, placed on the GPU, never timed on the CPU.</summary>
    private static SessionOptions CreateCudaSessionOptions(FaceModelOptions options)
    {
        var sessionOptions = SessionSetting.All.CreateOptions(options.IntraOpThreads);
        sessionOptions.AppendExecutionProvider_CUDA(0);
        return sessionOptions;
    }

    private static (string Provider, string? Note) ChooseProvider(FaceModelOptions options)
    {
        if (options.ExecutionProvider == ExecutionProviderPreference.Cpu)
        {
            return ("CPU", "CPU was chosen in configuration.");
        }

        if (!IsGpuBuild)
        {
            return ("CPU", options.ExecutionProvider == ExecutionProviderPreference.Cuda
                ? "CUDA was asked for, but this is the CPU build (build with -p:FacePortalGpu=true)."
                : "CPU build");
        }

        try
        {
            // Appending the provider fails fast when the CUDA libraries or a device are absent.
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(0);
            return ("CUDA", null);
        }
        catch (OnnxRuntimeException ex)
        {
            return ("CPU", $"CUDA is unavailable ({ex.Message}); using the CPU.");
        }
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }
}
