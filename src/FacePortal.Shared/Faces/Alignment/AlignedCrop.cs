namespace FacePortal.Shared.Faces.Alignment;

/// <summary>A stored aligned crop (PNG, 112x112) back into an <see cref="AlignedFace"/>.</summary>
public static class AlignedCrop
{
    /// <summary>The decoded crop at the template size (scaled if it is not already).</summary>
    public static AlignedFace From(DecodedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var size = ArcFaceTemplate.Size;
        return new AlignedFace(ImageTransforms.Cover(image, size, size), size);
    }
}
