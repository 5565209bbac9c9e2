namespace FacePortal.Web.CompreFace;

/// <summary>
/// The one place FacePortal's cosine similarity becomes CompreFace's 0..1 <c>similarity</c> (docs/compreface.md).
/// FacePortal decides at a calibrated cosine threshold t (the open-set operating point for recognition, the
/// verification point for 1:1); CompreFace clients decide with a fixed number of their own (Double Take's default
/// match is 0.60 and "unknown" below 0.40; users commonly pick 0.5 to 0.85). The map is a logistic curve centred on
/// the operating point, similarity = (1 + tanh(<see cref="Steepness"/> · (cosine − t))) / 2: strictly increasing,
/// t → <see cref="OperatingValue"/> (0.5). So every client threshold of 0.5 or more is at least as strict as
/// FacePortal's own, and a face FacePortal calls Unknown is never reported at or above 0.5 (<see cref="Reported"/>
/// also caps candidates FacePortal did not name).
/// </summary>
public static class CompreFaceSimilarity
{
    /// <summary>Where the operating point lands: CompreFace's documented "0.5 and up is the same person".</summary>
    public const float OperatingValue = 0.5f;

    /// <summary>
    /// How fast the curve leaves 0.5: Double Take's undecided band (0.40 to 0.60) is cosine t ± 0.034, the uncertain
    /// edge of the threshold; 0.85 asks t + 0.145, which the deepface same-person pairs all reach (docs/compreface.md).
    /// </summary>
    public const float Steepness = 6f;

    /// <summary>The largest value below <see cref="OperatingValue"/>: what a candidate FacePortal did not name is capped at.</summary>
    public static readonly float BelowOperatingValue = MathF.BitDecrement(OperatingValue);

    /// <summary>The monotone map of a cosine similarity decided at <paramref name="threshold"/>, rounded as CompreFace does (5 decimals), in [0, 1].</summary>
    public static float Of(float cosine, float threshold)
    {
        if (!float.IsFinite(threshold) || threshold <= -1 || threshold >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A cosine threshold lies strictly between -1 and 1.");
        }

        var c = Math.Clamp(float.IsFinite(cosine) ? cosine : -1, -1f, 1f);
        var mapped = (1 + Math.Tanh(Steepness * ((double)c - threshold))) / 2;

        // Rounding must not lift a value just under the operating point onto it.
        var rounded = (float)Math.Round(mapped, 5);
        return c < threshold && rounded >= OperatingValue ? BelowOperatingValue : rounded;
    }

    /// <summary>
    /// What a response says for one candidate: <see cref="Of"/>, except that only the person FacePortal named may
    /// reach <see cref="OperatingValue"/>. A face left Unknown for another reason (too poor to judge, two people too
    /// close to call, marked "not this person") or a runner-up above the threshold is reported just below it.
    /// </summary>
    public static float Reported(float cosine, float threshold, bool named)
    {
        var value = Of(cosine, threshold);
        return named ? value : Math.Min(value, BelowOperatingValue);
    }
}
