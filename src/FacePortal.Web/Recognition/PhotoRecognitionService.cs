using FacePortal.Shared.Analysis;
using Microsoft.AspNetCore.Components.Forms;

namespace FacePortal.Web.Recognition;

/// <summary>
/// What the "Test a photo" and "Verify" pages need: the browser's file read within the limit, the
/// photo recognised or verified, and a preview to draw boxes on. Nothing is stored.
/// </summary>
public sealed class PhotoRecognitionService(
    FaceRecognizer recognizer, RecognitionGallery gallery, FacePipeline pipeline, FacePipelineOptions pipelineOptions, QualityRules quality)
{
    public const int PreviewSide = 960;

    /// <summary>
    /// What to try when no face was found, with the sizes our settings really use: the detector ignores faces
    /// narrower than its minimum, and recognition will not name one under the quality rules' minimum.
    /// </summary>
    public string NoFaceAdvice => string.Create(
        CultureInfo.InvariantCulture,
        $"Try a sharper, well-lit photo in which the face looks at the camera and is larger: at least {pipelineOptions.Detector.MinFaceSize:0} pixels wide to be found, and {quality.MinSizePixels:0} to be named. In a large photo with a small face, crop closer to it.");

    /// <summary>The point "Test a photo" names faces at, for <paramref name="galleryId"/>'s gallery as it is now.</summary>
    public ValueTask<OperatingPoint> IdentifyPointAsync(Guid galleryId, CancellationToken cancellationToken = default) => recognizer.OperatingPointAsync(galleryId, cancellationToken);

    /// <summary>The point "Verify" compares two photos at.</summary>
    public OperatingPoint VerificationPoint => recognizer.VerificationPoint;

    public long MaxPhotoBytes => pipeline.Decoder.Limits.MaxBytes;

    /// <summary>Reads an uploaded file, or says why it cannot be used.</summary>
    public async Task<(byte[]? Bytes, string? Problem)> ReadAsync(IBrowserFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > MaxPhotoBytes)
        {
            return (null, $"{file.Name} is {file.Size / (1024.0 * 1024):0.0} MB; the limit is {MaxPhotoBytes / (1024 * 1024)} MB.");
        }

        using var buffer = new MemoryStream((int)file.Size);
        await using var stream = file.OpenReadStream(MaxPhotoBytes, cancellationToken);
        await stream.CopyToAsync(buffer, cancellationToken);
        return (buffer.ToArray(), null);
    }

    /// <summary>Recognises the photo's faces against the people of <paramref name="galleryId"/>.</summary>
    public async Task<PhotoRecognition> IdentifyAsync(Guid galleryId, byte[] photo, CancellationToken cancellationToken = default)
    {
        var index = await gallery.GetIndexAsync(galleryId, cancellationToken);
        return await Task.Run(() =>
        {
            try
            {
                using var image = pipeline.Decoder.Decode(photo);
                return new PhotoRecognition(PreviewOf(image), recognizer.Recognize(image, index), null) { Photo = photo };
            }
            catch (ImageDecodeException e)
            {
                return new PhotoRecognition(null, null, e.Message);
            }
        }, cancellationToken);
    }

    public Task<VerificationResult> VerifyAsync(byte[] first, byte[] second, CancellationToken cancellationToken = default) =>
        Task.Run(
            () =>
            {
                var result = recognizer.Verify(first, second);
                return result with { First = WithAdvice(result.First), Second = WithAdvice(result.Second) };
            },
            cancellationToken);

    /// <summary>A photo that decoded but showed no face gets the advice after its problem.</summary>
    private VerifiedPhoto WithAdvice(VerifiedPhoto photo) =>
        photo is { Face: null, Width: > 0, Problem: { } problem } ? photo with { Problem = $"{problem} {NoFaceAdvice}" } : photo;

    /// <summary>A data URL of the photo scaled down for display, or null when it cannot be decoded.</summary>
    public Task<string?> PreviewAsync(byte[] photo, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            try
            {
                using var image = pipeline.Decoder.Decode(photo);
                return PreviewOf(image);
            }
            catch (ImageDecodeException)
            {
                return null;
            }
        }, cancellationToken);

    private static string PreviewOf(DecodedImage image) =>
        "data:image/jpeg;base64," + Convert.ToBase64String(ImageTransforms.ThumbnailJpeg(image, PreviewSide));
}

/// <summary>A photo's preview and faces, or the reason there are none.</summary>
public sealed record PhotoRecognition(string? PreviewDataUrl, RecognitionResult? Result, string? Problem)
{
    /// <summary>The photo itself, so an admin can mark one of its faces "not this person" (kept only while the page shows it).</summary>
    public byte[]? Photo { get; init; }
}
