namespace FacePortal.Shared.Faces;

/// <summary>
/// Which face a photo meant to show one person is about, the way InsightFace picks it: the greatest
/// <c>area - 2 x (squared distance of the box centre from the image centre)</c>. Size alone picks a
/// bystander nearer the camera; the subject of a portrait is framed near the centre.
/// </summary>
public static class PrimaryFace
{
    /// <summary>The rule's score of one box in an image of that size (all in the same pixels).</summary>
    public static float Score(FaceBox box, float imageWidth, float imageHeight)
    {
        var dx = box.CenterX - (imageWidth / 2);
        var dy = box.CenterY - (imageHeight / 2);
        return box.Area - (2 * ((dx * dx) + (dy * dy)));
    }

    /// <summary>The primary face among <paramref name="faces"/> (boxes in the original image's pixels); null when there is none.</summary>
    public static FaceAnalysis? Of(IReadOnlyList<FaceAnalysis> faces, int imageWidth, int imageHeight)
    {
        ArgumentNullException.ThrowIfNull(faces);
        return faces.MaxBy(f => Score(f.Box, imageWidth, imageHeight));
    }
}
