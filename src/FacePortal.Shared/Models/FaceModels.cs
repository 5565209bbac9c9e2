using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace FacePortal.Shared.Models;

/// <summary>
/// The one place that loads the face models: verifies each file, picks the execution
/// provider once, and owns the sessions. Sessions are created once and shared;
/// ONNX Runtime's Run is safe to call from many threads at once.
/// </summary>
public sealed class FaceModels : IDisposable
{
    private readonly Dictionary<string, InferenceSession> _sessions = new(StringComparer.Ordinal);

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
        var directory = Path.GetFullPath(options.Directory);
        var started = Stopwatch.GetTimestamp();
        if (options.VerifyChecksums)
        {
            foreach (var file in files)
            {
                ModelManifest.Embedded.Verify(directory, file);
            }
        }

        var (provider, note) = ChooseProvider(options);
        var models = new FaceModels(options, directory, provider, note);
        try
        {
            foreach (var file in files)
            {
                using var sessionOptions = CreateSessionOptions(options, provider == "CUDA");
                models._sessions[file] = new InferenceSession(Path.Combine(directory, file), sessionOptions);
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

    private static SessionOptions CreateSessionOptions(FaceModelOptions options, bool cuda)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = Math.Max(1, options.IntraOpThreads),
            InterOpNumThreads = 1,
        };
        if (cuda)
        {
            sessionOptions.AppendExecutionProvider_CUDA(0);
        }

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
