namespace FacePortal.Core.Recognition;

/// <summary>A face found in an image and who it is, if anyone enrolled.</summary>
/// <param name="Box">In original-image pixels.</param>
/// <param name="Verdict">Named or which kind of Unknown, why, and the operating point it was decided at.</param>
/// <param name="Candidates">The closest people in the gallery, best first, whether or not they reach the threshold.</param>
/// <param name="Probability">With a trained model in use: its softmax probability for the person it chose.</param>
public sealed record RecognizedFace(
    FaceBox Box,
    float DetectionScore,
    FaceQuality Quality,
    Verdict Verdict,
    IReadOnlyList<GalleryMatch> Candidates,
    float? Probability = null)
{
    /// <summary>The person named; null for every kind of Unknown.</summary>
    public GalleryMatch? Person => Verdict.Person;

    public bool IsKnown => Verdict.IsNamed;

    /// <summary>The face's embedding, for callers that follow a face across frames (the live tracker); empty when not kept.</summary>
    public ReadOnlyMemory<float> Embedding { get; init; }

    /// <summary>Similarity to the named person's nearest enrolled face, or to anyone's when Unknown; 0 when the gallery is empty.</summary>
    public float BestSimilarity => Person?.Similarity ?? (Candidates.Count > 0 ? Candidates[0].Similarity : 0);
}
