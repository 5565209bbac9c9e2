using System.ComponentModel.DataAnnotations;
using FacePortal.Shared.Analysis;

namespace FacePortal.Core.Lab;

/// <summary>The embedding lab's rules (<c>FacePortal:Lab</c>); low quality is judged by the one <see cref="QualityRules"/> (<c>FacePortal:Quality</c>).</summary>
public sealed class LabOptions
{
    public const string Section = "FacePortal:Lab";

    /// <summary>How much closer (cosine) another person's template must be than the face's own for a likely mislabel.</summary>
    [Range(0.0, 1.0)]
    public float MislabelMargin { get; set; } = 0.05f;

    /// <summary>Cosine similarity at or above which two faces are near-duplicates.</summary>
    [Range(0.5, 1.0)]
    public float DuplicateSimilarity { get; set; } = 0.92f;

    /// <summary>The largest k of the K-means sweep.</summary>
    [Range(2, 200)]
    public int MaxK { get; set; } = 30;

    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 42;

    public SurveyOptions ToSurveyOptions() => new()
    {
        MislabelMargin = MislabelMargin,
        DuplicateSimilarity = DuplicateSimilarity,
        MaxK = MaxK,
        Seed = Seed,
    };
}
