using FacePortal.Web.Security;

namespace FacePortal.Web.People;

/// <summary>
/// Photos and crops, streamed by id after an authorization check (<c>people:read</c>, or a signed-in
/// admin, whose pages show them): the blob store's paths are never exposed, and, like every API
/// answer (SecurityHeaders), not cached, so a deleted person's face does not linger. A photo or face of a gallery the
/// caller may not use is answered 404 (<see cref="GalleryAccess.ResolveForAsync"/>).
/// </summary>
public static class MediaEndpoints
{
    private const int MaxThumbnailSide = 512;

    public static RouteGroupBuilder MapMediaApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).WithTags("Media").RequireScope(ScopeNames.PeopleRead);

        api.MapGet("/photos/{id:guid}/file", PhotoFileAsync)
            .WithSummary("Download a photo")
            .WithDescription("The photo as it was uploaded, with its own content type.");

        api.MapGet("/photos/{id:guid}/thumbnail", ThumbnailAsync)
            .WithSummary("A photo's thumbnail")
            .WithDescription("A JPEG whose longer side is size pixels (32 to 512, default 256).");

        api.MapGet("/faces/{id:guid}/crop", FaceCropAsync)
            .WithSummary("An enrolled face's crop")
            .WithDescription("The aligned crop the face's embedding was computed from, as PNG.");
        return v1;
    }

    private static Task<Results<FileStreamHttpResult, ProblemHttpResult>> PhotoFileAsync(
        Guid id, MediaService media, GalleryAccess access, HttpContext context, CancellationToken ct) =>
        access.ResolveForAsync(context, GalleryItem.Photo, id, ct).AnswerFoundAsync(
            "photo", () => media.OpenPhotoAsync(id, ct), photo => TypedResults.Stream(photo.Content, photo.ContentType, fileDownloadName: null, enableRangeProcessing: true));

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> ThumbnailAsync(
        Guid id, int? size, MediaService media, FacePipeline pipeline, GalleryAccess access, HttpContext context, CancellationToken ct) =>
        access.ResolveForAsync(context, GalleryItem.Photo, id, ct).AnswerFoundAsync("photo", () => media.ReadPhotoAsync(id, ct), bytes =>
        {
            var side = Math.Clamp(size ?? 256, 32, MaxThumbnailSide);
            using var image = pipeline.Decoder.Decode(bytes);
            return TypedResults.Bytes(ImageTransforms.ThumbnailJpeg(image, side), "image/jpeg");
        });

    private static Task<Results<FileStreamHttpResult, ProblemHttpResult>> FaceCropAsync(
        Guid id, MediaService media, GalleryAccess access, HttpContext context, CancellationToken ct) =>
        access.ResolveForAsync(context, GalleryItem.Face, id, ct).AnswerFoundAsync("face", () => media.OpenFaceCropAsync(id, ct), crop => TypedResults.Stream(crop.Content, crop.ContentType));
}
