using SkiaSharp;

namespace FacePortal.Core.People;

/// <summary>Content types from what the decoder found in the bytes, never from a file name.</summary>
public static class ImageContentTypes
{
    public static string Of(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        SKEncodedImageFormat.Png => "image/png",
        SKEncodedImageFormat.Webp => "image/webp",
        SKEncodedImageFormat.Bmp => "image/bmp",
        SKEncodedImageFormat.Gif => "image/gif",
        _ => "application/octet-stream",
    };
}
