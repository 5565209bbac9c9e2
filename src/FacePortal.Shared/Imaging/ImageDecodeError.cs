namespace FacePortal.Shared.Imaging;

/// <summary>Why an image could not be used; callers map each to a user message.</summary>
public enum ImageDecodeError
{
    Empty,
    TooManyBytes,
    UnsupportedFormat,
    TooManyPixels,
    Corrupt,
}
