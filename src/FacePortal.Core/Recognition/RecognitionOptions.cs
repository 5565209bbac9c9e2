using System.ComponentModel.DataAnnotations;

namespace FacePortal.Core.Recognition;

/// <summary>How faces are matched against the gallery (<c>FacePortal:Recognition</c>).</summary>
public sealed class RecognitionOptions : IValidatableObject
{
    public const string Section = "FacePortal:Recognition";

    /// <summary>
    /// The share of strangers that may be named (0.01: at most 1 in 100). The similarity threshold is derived
    /// from it for the gallery's current size; see docs/recognition.md.
    /// </summary>
    [Range(0.000001, 0.5)]
    public double MaxFalseMatchRate { get; set; } = 0.01;

    /// <summary>
    /// An explicit cosine similarity threshold that overrides <see cref="MaxFalseMatchRate"/>; unset by default.
    /// Answers then state the stranger rate this threshold is expected to give.
    /// </summary>
    [Range(-1.0, 1.0)]
    public float? SimilarityThreshold { get; set; }

    /// <summary>
    /// When the second-closest person also reaches the threshold, the closest must lead by this much
    /// similarity to be named; otherwise the answer is "could be A or B".
    /// </summary>
    [Range(0.0, 1.0)]
    public float AmbiguityMargin { get; set; } = 0.05f;

    /// <summary>From this many people the gallery's own impostor statistics start to count beside the model's.</summary>
    [Range(10, 1_000_000)]
    public int GalleryStatisticsFromPeople { get; set; } = GalleryStatisticsWeighting.Default.FromPeople;

    /// <summary>From this many people only the gallery's own impostor statistics count.</summary>
    [Range(10, 1_000_000)]
    public int GalleryStatisticsFullAtPeople { get; set; } = GalleryStatisticsWeighting.Default.FullAtPeople;

    /// <summary>Candidates returned per face, best first (the first decides, the second may make it ambiguous).</summary>
    [Range(2, 100)]
    public int TopK { get; set; } = 3;

    /// <summary>Faces analysed per image; the largest are kept when there are more.</summary>
    [Range(1, 1000)]
    public int MaxFacesPerImage { get; set; } = 20;

    public GalleryStatisticsWeighting Weighting => new(GalleryStatisticsFromPeople, GalleryStatisticsFullAtPeople);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (GalleryStatisticsFullAtPeople < GalleryStatisticsFromPeople)
        {
            yield return new ValidationResult(
                $"must be at least {nameof(GalleryStatisticsFromPeople)} ({GalleryStatisticsFromPeople}).", [nameof(GalleryStatisticsFullAtPeople)]);
        }
    }
}
