using FacePortal.Training.Transfer;

namespace FacePortal.Training.Tests.Transfer;

/// <summary>Collects the epochs a run reports, in order.</summary>
internal sealed class EpochLog : IProgress<EpochMetrics>
{
    public List<EpochMetrics> Epochs { get; } = [];

    public void Report(EpochMetrics value) => Epochs.Add(value);
}
