using System.Security.Claims;
using FacePortal.Core.People;
using FacePortal.Core.People.Transfer;
using FacePortal.Web.Accounts;
using FacePortal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace FacePortal.Web.People;

/// <summary>Zip export and import of aligned faces (admins only).</summary>
public static class TransferEndpoints
{
    public static IEndpointRouteBuilder MapTransferApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Admin).WithTags("Transfer");

        api.MapGet("/export", (FaceSetExporter exporter, ClaimsPrincipal user, CancellationToken ct) =>
            ExportAsync(exporter, null, "faceportal-faces", user, ct));

        api.MapGet("/people/{id:guid}/export", async (Guid id, FaceSetExporter exporter, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
            await people.FindNameAsync(id, ct) is { } name
                ? await ExportAsync(exporter, [id], $"faceportal-{FolderNames.From(name)}", user, ct)
                : ApiProblems.NotFound("person"));

        api.MapPost("/import", ImportAsync)
            .Accepting("application/zip", ApiContentTypes.Multipart)
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimits.MaxImportBytes))
            .WithFormOptions(multipartBodyLengthLimit: UploadLimits.MaxImportBytes);
        return app;
    }

    private static async Task<IResult> ExportAsync(FaceSetExporter exporter, Guid[]? ids, string name, ClaimsPrincipal user, CancellationToken ct)
    {
        // Written to a temporary file first: the zip writer needs to seek, and a failed export must not send half a file.
        var temp = TemporaryFile.Create();
        try
        {
            await exporter.WriteAsync(temp, ids, ActorName.Of(user), ct);
            temp.Position = 0;
            return Results.File(temp, "application/zip", $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmm}.zip");
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, FaceSetImporter importer, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var temp = TemporaryFile.Create();
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                if (form.Files.Count != 1)
                {
                    return Results.Problem("Send one zip file.", statusCode: StatusCodes.Status400BadRequest);
                }

                await using var upload = form.Files[0].OpenReadStream();
                await upload.CopyToAsync(temp, ct);
            }
            else
            {
                await request.Body.CopyToAsync(temp, ct);
            }
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return Results.Problem($"The zip is larger than {UploadLimits.MaxImportBytes / (1024 * 1024)} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        temp.Position = 0;
        var report = await importer.ImportAsync(temp, ActorName.Of(user), progress: null, ct);
        return report.People.Count == 0 && report.Problems.Count > 0
            ? Results.Problem(string.Join(" ", report.Problems), statusCode: StatusCodes.Status400BadRequest)
            : Results.Ok(report);
    }
}
