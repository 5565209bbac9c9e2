namespace FacePortal.Shared.Evaluation;

/// <summary>How well a similarity separates same-person from different-person pairs.</summary>
public sealed record VerificationReport(
    int Genuine,
    int Impostor,
    float BestThreshold,
    double BestAccuracy,
    double RocAuc,
    IReadOnlyList<TarAtFar> TarAtFar);

/// <summary>True-accept rate when the threshold is set so the false-accept rate is at most <paramref name="Far"/>.</summary>
public sealed record TarAtFar(double Far, double Tar, float Threshold);
