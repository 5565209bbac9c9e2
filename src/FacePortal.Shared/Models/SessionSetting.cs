namespace FacePortal.Shared.Models;

/// <summary>One way to build a CPU inference session: a graph optimisation level and the switches the tuner may try.</summary>
public sealed record SessionSetting(GraphOptimizationLevel Level, bool DisablePrepacking = false)
{
    public static SessionSetting All { get; } = new(GraphOptimizationLevel.ORT_ENABLE_ALL);

    public static SessionSetting Extended { get; } = new(GraphOptimizationLevel.ORT_ENABLE_EXTENDED);

    public static SessionSetting Basic { get; } = new(GraphOptimizationLevel.ORT_ENABLE_BASIC);

    /// <summary>
    /// What <see cref="SessionTuning.Auto"/> times, the default first (it wins ties). Spinning is not a
    /// candidate: with one intra-op thread there is no pool to spin, and with more, a spinning session
    /// looks fast alone but takes cores from the concurrent requests a server runs.
    /// </summary>
    public static IReadOnlyList<SessionSetting> Candidates { get; } =
    [
        All,
        Extended,
        Basic,
        All with { DisablePrepacking = true },
    ];

    /// <summary>A short, stable name: the level as ONNX Runtime spells it, and the switches.</summary>
    public string Name => Level switch
    {
        GraphOptimizationLevel.ORT_ENABLE_ALL => "ALL",
        GraphOptimizationLevel.ORT_ENABLE_EXTENDED => "EXTENDED",
        GraphOptimizationLevel.ORT_ENABLE_BASIC => "BASIC",
        GraphOptimizationLevel.ORT_ENABLE_LAYOUT => "LAYOUT",
        _ => "NONE",
    } + (DisablePrepacking ? ", no prepacking" : string.Empty);

    /// <summary>The setting a fixed <see cref="SessionTuning"/> names; null for <see cref="SessionTuning.Auto"/>.</summary>
    public static SessionSetting? Fixed(SessionTuning tuning) => tuning switch
    {
        SessionTuning.Auto => null,
        SessionTuning.Basic => Basic,
        SessionTuning.Extended => Extended,
        _ => All,
    };

    /// <summary>The candidate of that <see cref="Name"/>, or null (a cache written by another candidate list).</summary>
    public static SessionSetting? FromName(string? name) => Candidates.FirstOrDefault(c => c.Name == name);

    /// <summary>Session options for this setting; the caller disposes them.</summary>
    public SessionOptions CreateOptions(int intraOpThreads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = Level,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = Math.Max(1, intraOpThreads),
            InterOpNumThreads = 1,
            // The attribute models print one warning per initializer at load (hundreds of lines) that
            // says nothing an operator can act on; errors still reach the log.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (DisablePrepacking)
        {
            options.AddSessionConfigEntry("session.disable_prepacking", "1");
        }

        return options;
    }

    public override string ToString() => Name;
}
