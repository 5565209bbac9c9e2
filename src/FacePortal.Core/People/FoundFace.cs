namespace FacePortal.Core.People;

/// <summary>
/// A face found in a photo that holds several, as offered to the admin to choose from: its
/// <paramref name="Index"/> is what <see cref="FaceChoice.AtIndex"/> takes (the detector's order,
/// best score first); the box is in photo pixels.
/// </summary>
public sealed record FoundFace(int Index, float Left, float Top, float Right, float Bottom, float DetectionScore)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public FaceBox Box => new(Left, Top, Right, Bottom);
}
