using FacePortal.Shared.Imaging;
using FacePortal.Shared.Recognition;
using FacePortal.Web.Accounts;
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
            .DisableAntiforgery() // SameSite=Strict cookies already keep cross-site posts out.
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes);
        api.MapPost("/verify", VerifyAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes);
        return app;
    }

    private static async Task<IResult> IdentifyAsync(HttpRequest request, FaceRecognizer recognizer, CancellationToken ct)
    {
        var form = await ReadFormAsync(request, ct);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        if (form.Files!.GetFile("file") is not { } file)
        {
            return Results.Problem("Send the photo as the multipart field 'file'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var bytes = await ReadAsync(file, ct);
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

    private static async Task<IResult> VerifyAsync(HttpRequest request, FaceRecognizer recognizer, CancellationToken ct)
    {
        var form = await ReadFormAsync(request, ct);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        if (form.Files!.GetFile("first") is not { } first || form.Files.GetFile("second") is not { } second)
        {
            return Results.Problem("Send the two photos as the multipart fields 'first' and 'second'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var a = await ReadAsync(first, ct);
        var b = await ReadAsync(second, ct);
        var result = await Task.Run(() => recognizer.Verify(a, b), ct);
        return result.Problem is null ? Results.Ok(result) : Results.UnprocessableEntity(result);
    }

    private static async Task<(IFormFileCollection? Files, IResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, Results.Problem("Send the photos as multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var form = await request.ReadFormAsync(ct);
            return (form.Files, null);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return (null, Results.Problem(
                $"The request is too large or malformed; it can be at most {MaxRequestBytes / (1024 * 1024)} MB.",
                statusCode: StatusCodes.Status413PayloadTooLarge));
        }
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
