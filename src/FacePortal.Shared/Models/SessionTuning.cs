namespace FacePortal.Shared.Models;

/// <summary>
/// How a CPU session's settings are chosen. The fastest graph optimisation level depends on the CPU:
/// on one Xeon, ORT_ENABLE_ALL's NCHWc layout made the embedder three times slower than EXTENDED,
/// while on an EPYC it was the fastest for every model. So by default each model is timed here.
/// </summary>
public enum SessionTuning
{
    /// <summary>Time the candidate settings on synthetic input once per machine, keep the fastest (cached on disk).</summary>
    Auto,

    /// <summary>No tuning: plain ORT_ENABLE_ALL, as before tuning existed.</summary>
    Off,

    /// <summary>Always ORT_ENABLE_BASIC.</summary>
    Basic,

    /// <summary>Always ORT_ENABLE_EXTENDED.</summary>
    Extended,

    /// <summary>Always ORT_ENABLE_ALL (the same sessions as <see cref="Off"/>).</summary>
    All,
}
