using FacePortal.Core.People;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Imaging;
using FacePortal.Web.Accounts;
using FacePortal.Web.Hosting;

namespace FacePortal.Web.People;

/// <summary>
/// Photos and crops, streamed by id after an authorization check: the blob store's paths are
/// never exposed, and, like every API answer (SecurityHeaders), not cached, so a deleted
/// person's face does not linger.
/// </summary>
public static class MediaEndpoints
{
    private const int MaxThumbnailSide = 512;

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Admin).WithTags("Media");

        api.MapGet("/photos/{id:guid}/file", async (Guid id, MediaService media, CancellationToken ct) =>
        {
            if (await media.OpenPhotoAsync(id, ct) is not { } photo)
            {
                return ApiProblems.NotFound("photo");
            }

            return Results.Stream(photo.Content, photo.ContentType, fileDownloadName: null, enableRangeProcessing: true);
        });

        api.MapGet("/photos/{id:guid}/thumbnail", async (Guid id, int? size, MediaService media, FacePipeline pipeline, CancellationToken ct) =>
        {
            if (await media.ReadPhotoAsync(id, ct) is not { } bytes)
            {
                return ApiProblems.NotFound("photo");
            }

            var side = Math.Clamp(size ?? 256, 32, MaxThumbnailSide);
            using var image = pipeline.Decoder.Decode(bytes);
            var jpeg = ImageTransforms.ThumbnailJpeg(image, side);
            return Results.Bytes(jpeg, "image/jpeg");
        });

        api.MapGet("/faces/{id:guid}/crop", async (Guid id, MediaService media, CancellationToken ct) =>
        {
            if (await media.OpenFaceCropAsync(id, ct) is not { } crop)
            {
                return ApiProblems.NotFound("face");
            }

            return Results.Stream(crop.Content, crop.ContentType);
        });

        api.MapPost("/faces/detect", DetectAsync)
            .Accepting(ApiContentTypes.Photos)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxPreviewBytes));
        return app;
    }

    private const int MaxPreviewBytes = 4 * 1024 * 1024;

    /// <summary>Boxes only, for the webcam preview's live face box: a camera frame as the request body.</summary>
    private static async Task<IResult> DetectAsync(HttpRequest request, FacePipeline pipeline, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem($"A preview frame can be at most {MaxPreviewBytes / (1024 * 1024)} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            var faces = await Task.Run(() =>
            {
                using var image = pipeline.Decoder.Decode(bytes.Span);
                return new DetectionResponse(image.OriginalWidth, image.OriginalHeight, pipeline.Detect(image)
                    .Select(d => new DetectedBox(d.Box.Left, d.Box.Top, d.Box.Width, d.Box.Height, d.Score)).ToList());
            }, ct);
            return Results.Ok(faces);
        }
        catch (ImageDecodeException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    public sealed record DetectionResponse(int Width, int Height, IReadOnlyList<DetectedBox> Faces);

    public sealed record DetectedBox(float X, float Y, float Width, float Height, float Score);
}
