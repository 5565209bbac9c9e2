namespace FacePortal.Core.Recognition;

/// <summary>
/// A trained model in use for recognition: a classifier (its head, the people it names in class
/// order, its probability threshold) or a learnt metric (its projection, which the gallery searches
/// in, and the people it learnt from; the threshold is then a similarity in its space).
/// </summary>
public sealed record ActiveModel(
    Guid Id,
    Guid JobId,
    string Kind,
    DateTime CreatedAt,
    double ValidationAccuracy,
    float ProbabilityThreshold,
    IReadOnlyList<ModelClass> Classes,
    ClassifierHead? Head,
    EmbeddingProjection? Projection = null)
{
    /// <summary>The gallery whose people it learnt, the one it is in use in; recognition in another gallery does without it.</summary>
    public Guid GalleryId { get; init; }

    public string Description => Projection is null
        ? $"trained {CreatedAt:yyyy-MM-dd HH:mm} UTC ({Kind}, {ValidationAccuracy:P0} on validation, {Classes.Count} people)"
        : $"metric (triplet loss) trained {CreatedAt:yyyy-MM-dd HH:mm} UTC ({Kind}, {Projection.Outputs}-d, similarity threshold {ProbabilityThreshold:0.000}, learnt from {Classes.Count} people)";
}

/// <summary>A person a model was trained on.</summary>
public sealed record ModelClass(Guid Id, string Name);
