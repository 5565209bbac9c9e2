namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// What the attribute models say of one face. A member is null when its plugin was not asked for;
/// when the face could not be analysed at all, every member is null and <see cref="Refusal"/> says why.
/// </summary>
public sealed record FaceAttributes(
    HeadPose? Pose = null,
    AgeEstimate? Age = null,
    GenderEstimate? Gender = null,
    ExpressionEstimate? Expression = null,
    EyesState? Eyes = null,
    LivenessEstimate? Liveness = null)
{
    /// <summary>Why no attribute was computed (the face is too small for the models' crops); null when the asked plugins ran.</summary>
    public string? Refusal { get; init; }

    public static FaceAttributes Refused(string reason) => new() { Refusal = reason };
}

/// <summary>
/// Head rotation in degrees (HopeNet's convention): yaw is negative when the face turns towards the image's
/// right and changes sign in a mirrored photo; pitch and roll are 0 for a level face looking at the camera.
/// </summary>
public sealed record HeadPose(float Yaw, float Pitch, float Roll);

/// <summary>Apparent age in years.</summary>
public sealed record AgeEstimate(float Years);

/// <summary>"female" or "male" and the model's probability of that label (0.5..1).</summary>
public sealed record GenderEstimate(string Label, float Probability);

/// <summary>The most likely expression and every class's softmax probability.</summary>
public sealed record ExpressionEstimate(string Label, IReadOnlyDictionary<string, float> Probabilities);

/// <summary>Whether each eye is open, and the probability that it is; left and right as seen in the image.</summary>
public sealed record EyesState(bool LeftOpen, float LeftOpenProbability, bool RightOpen, float RightOpenProbability);

/// <summary>
/// The anti-spoofing model's verdict: <see cref="Score"/> is its probability that the face is a live
/// person, <see cref="IsLive"/> is that score against the threshold. <see cref="Experimental"/> is
/// true while our measurements (docs/models.md, <c>./faceportal liveness-eval</c>) do not support relying on it.
/// </summary>
public sealed record LivenessEstimate(bool IsLive, float Score, bool Experimental);
