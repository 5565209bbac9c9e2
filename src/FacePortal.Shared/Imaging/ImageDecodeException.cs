namespace FacePortal.Shared.Imaging;

/// <summary>The one exception type for any image we cannot decode; <see cref="Exception.Message"/> is fit to show a user.</summary>
public sealed class ImageDecodeException(ImageDecodeError error, string message) : Exception(message)
{
    public ImageDecodeError Error { get; } = error;
}
