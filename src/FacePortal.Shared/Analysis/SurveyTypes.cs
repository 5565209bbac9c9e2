using FacePortal.Shared.Faces.Quality;

namespace FacePortal.Shared.Analysis;

/// <summary>One face to survey: the index of its person, its embedding and, when known, its quality signals.</summary>
public sealed record SurveyFace(int Person, float[] Embedding, FaceQuality? Quality);

/// <summary>The rules and sizes of an <see cref="EmbeddingSurvey"/>.</summary>
public sealed record SurveyOptions
{
    /// <summary>A face is a likely mislabel when another person's template is this much more similar (cosine) than its own.</summary>
    public float MislabelMargin { get; init; } = 0.05f;

    /// <summary>Two faces at or above this cosine similarity are near-duplicates (the same photo, or frames a moment apart).</summary>
    public float DuplicateSimilarity { get; init; } = 0.92f;

    /// <summary>The largest k of the K-means sweep; it also stops at one and a half times the number of people (at least 10).</summary>
    public int MaxK { get; init; } = 30;

    /// <summary>K-means fits on at most this many faces (a seeded sample) and then assigns every face.</summary>
    public int KMeansSample { get; init; } = 1000;

    /// <summary>The mean silhouette is taken over at most this many faces (a seeded sample).</summary>
    public int SilhouetteSample { get; init; } = 1000;

    /// <summary>K-means runs from this many k-means++ seedings at each k and keeps the lowest inertia; one can land in a poor local minimum.</summary>
    public int KMeansRestarts { get; init; } = 2;

    public int Seed { get; init; } = 42;

    public QualityRules Quality { get; init; } = new();

    /// <summary>Closest person pairs kept.</summary>
    public int MaxPairs { get; init; } = 100;

    /// <summary>Near-duplicate pairs kept, most similar first.</summary>
    public int MaxDuplicates { get; init; } = 200;
}

/// <summary>K-means at one k: its inertia, mean silhouette, and agreement with the people.</summary>
public sealed record KSweepPoint(int K, double Inertia, double Silhouette, double Purity, double AdjustedRandIndex);

/// <summary>Two people and the cosine similarity of their templates (normalised mean embeddings).</summary>
public sealed record PersonPair(int A, int B, float Similarity);

/// <summary>
/// A face more similar to another person's template than to its own (its own template without it, so the
/// face does not vote for itself).
/// </summary>
public sealed record LikelyMislabel(int Face, int Person, float OwnSimilarity, int OtherPerson, float OtherSimilarity)
{
    public float Margin => OtherSimilarity - OwnSimilarity;
}

/// <summary>Two faces nearly identical to the recogniser, under one person or under two.</summary>
public sealed record NearDuplicate(int A, int B, float Similarity, bool SamePerson);

/// <summary>A face and the quality signals that flag it.</summary>
public sealed record LowQualityFace(int Face, IReadOnlyList<string> Problems);

/// <summary>How long each part of a survey took, in milliseconds.</summary>
public sealed record SurveyTimings(double Projection, double Clustering, double Similarities);

/// <summary>Everything <see cref="EmbeddingSurvey.Run"/> finds; face and person numbers index its inputs.</summary>
public sealed record SurveyReport(
    PrincipalComponents? Projection,
    IReadOnlyList<KSweepPoint> Sweep,
    int? SuggestedK,
    int? ElbowK,
    IReadOnlyList<PersonPair> Pairs,
    IReadOnlyList<LikelyMislabel> Mislabels,
    IReadOnlyList<NearDuplicate> Duplicates,
    IReadOnlyList<LowQualityFace> LowQuality,
    SurveyTimings Timings)
{
    public KSweepPoint? AtSuggestedK => Sweep.FirstOrDefault(p => p.K == SuggestedK);
}
