using FacePortal.Core.Recognition;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Imaging;
using FacePortal.Web.Accounts;
using FacePortal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace FacePortal.Web.Recognition;

/// <summary>Recognition over HTTP for users: name every face in a photo, or verify two photos 1:1.</summary>
public static class RecognitionEndpoints
{
    /// <summary>Room for two photos at the default decoder limit (20 MB) plus the multipart framing; the decoder checks each photo.</summary>
    private const long MaxRequestBytes = 48L * 1024 * 1024;

    public static IEndpointRouteBuilder MapRecognitionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/recognition").RequireAuthorization(Policies.User).WithTags("Recognition");
        api.MapPost("/identify", IdentifyAsync)
            .Accepting(ApiContentTypes.Multipart)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .RequireRateLimiting(PhotoAnalysisLimits.Policy);
        api.MapPost("/verify", VerifyAsync)
            .Accepting(ApiContentTypes.Multipart)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .RequireRateLimiting(PhotoAnalysisLimits.Policy);
        return app;
    }

    private static async Task<IResult> IdentifyAsync(HttpRequest request, FaceRecognizer recognizer, FacePipeline pipeline, RequestBuffers buffers, IdleMemoryTrim trim, CancellationToken ct)
    {
        using var large = trim.Begin();
        var (photos, problem) = await MultipartPhotos.ReadAsync(request, pipeline.Decoder.Limits.MaxBytes, buffers, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!photos!.TryGetValue("file", out var bytes))
        {
            return Results.Problem("Send the photo as the multipart field 'file'.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var result = await Task.Run(() => recognizer.RecognizeAsync(bytes, ct), ct);
            return Results.Ok(IdentifyResponse.From(result));
        }
        catch (ImageDecodeException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, FaceRecognizer recognizer, FacePipeline pipeline, RequestBuffers buffers, IdleMemoryTrim trim, CancellationToken ct)
    {
        using var large = trim.Begin();
        var (photos, problem) = await MultipartPhotos.ReadAsync(request, pipeline.Decoder.Limits.MaxBytes, buffers, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!photos!.TryGetValue("first", out var first) || !photos.TryGetValue("second", out var second))
        {
            return Results.Problem("Send the two photos as the multipart fields 'first' and 'second'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await Task.Run(() => recognizer.Verify(first, second), ct);
        var response = VerificationResponse.From(result, recognizer.VerificationPoint);
        return result.Problem is null ? Results.Ok(response) : Results.UnprocessableEntity(response);
    }
}
