using System.ComponentModel.DataAnnotations;

namespace FacePortal.Core.Recognition;

/// <summary>How faces are matched against the gallery (<c>FacePortal:Recognition</c>).</summary>
public sealed class RecognitionOptions
{
    public const string Section = "FacePortal:Recognition";

    /// <summary>
    /// Cosine similarity at or above which a face is named; below it the face is Unknown.
    /// Chosen from the deepface pairs and open-set identification runs (see the README).
    /// </summary>
    [Range(-1.0, 1.0)]
    public float SimilarityThreshold { get; set; } = 0.40f;

    /// <summary>Candidates returned per face, best first (the first decides).</summary>
    [Range(1, 100)]
    public int TopK { get; set; } = 3;

    /// <summary>Faces analysed per image; the largest are kept when there are more.</summary>
    [Range(1, 1000)]
    public int MaxFacesPerImage { get; set; } = 20;
}
