using System.ComponentModel;
using FacePortal.Core.People.Transfer;

namespace FacePortal.Web.People;

/// <summary>Zip export and import of aligned faces (admins only).</summary>
public static class TransferEndpoints
{
    public static RouteGroupBuilder MapTransferApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).RequireSignedInAdmin().WithTags("Transfer");

        api.MapGet("/export", ExportGalleryAsync)
            .WithSummary("Export enrolled faces")
            .WithDescription("A zip of aligned face crops in one folder per person, as Import reads it: everyone, or one gallery's people with `gallery` (its id or name). Signed-in admins only.");

        api.MapGet("/people/{id:guid}/export", ExportPersonAsync)
            .WithSummary("Export one person's faces")
            .WithDescription("A zip of the person's aligned face crops. Signed-in admins only.");

        api.MapPost("/import", ImportAsync)
            .Accepting("application/zip", ApiContentTypes.Multipart)
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimits.MaxImportBytes))
            .WithSummary("Import a zip of faces")
            .WithDescription("One folder per person, one photo or crop per file; each person is matched by name in the gallery imported into (`gallery`, its id or name; Main when absent) or created there. Signed-in admins only.");
        return v1;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportGalleryAsync(
        FaceSetExporter exporter, GalleryAccess access, GalleryService galleries, RequestBuffers buffers, ClaimsPrincipal user,
        [FromQuery(Name = GalleryAccess.Parameter), Description("The gallery to export (its id or name); every gallery when absent.")] string? gallery,
        CancellationToken ct)
    {
        // Without a gallery parameter: everyone, as a whole-installation backup; with one: that gallery's people.
        if (string.IsNullOrWhiteSpace(gallery))
        {
            return await ExportAsync(exporter, buffers, null, null, "faceportal-faces", user, ct);
        }

        var resolved = await access.ResolveAsync(user, gallery, ct);
        if (resolved.GalleryId is not { } galleryId)
        {
            return resolved.Problem();
        }

        var name = (await galleries.NamesAsync(ct)).GetValueOrDefault(galleryId, "gallery");
        return await ExportAsync(exporter, buffers, galleryId, null, $"faceportal-{FolderNames.From(name)}", user, ct);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportPersonAsync(
        Guid id, FaceSetExporter exporter, PeopleService people, RequestBuffers buffers, ClaimsPrincipal user, CancellationToken ct) =>
        await people.FindNameAsync(id, ct) is { } name
            ? await ExportAsync(exporter, buffers, null, [id], $"faceportal-{FolderNames.From(name)}", user, ct)
            : ApiProblems.NotFound("person");

    private static async Task<FileStreamHttpResult> ExportAsync(
        FaceSetExporter exporter, RequestBuffers buffers, Guid? galleryId, Guid[]? ids, string name, ClaimsPrincipal user, CancellationToken ct)
    {
        // Written to a scratch file first: the zip writer needs to seek, and a failed export must not send half a file.
        var temp = buffers.Create();
        try
        {
            await exporter.WriteAsync(temp, galleryId, ids, ActorName.Of(user), ct);
            temp.Position = 0;
            return TypedResults.File(temp, "application/zip", $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmm}.zip");
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, FaceSetImporter importer, GalleryAccess access, RequestBuffers buffers, ClaimsPrincipal user,
        [FromQuery(Name = GalleryAccess.Parameter), Description("The gallery to import into (its id or name); Main when absent.")] string? gallery, CancellationToken ct)
    {
        var resolved = await access.ResolveAsync(user, gallery, ct);
        if (resolved.GalleryId is not { } galleryId)
        {
            return resolved.Problem();
        }

        // The zip waits in our own request buffers (seekable, as the zip reader needs), read as a
        // stream: nothing is left in the system's temp folder if the process dies mid-upload.
        if (request.HasFormContentType)
        {
            var limits = new MultipartLimits(MaxParts: 4, UploadLimits.MaxImportBytes, "zip", RefuseOversizedParts: true);
            var (spool, problem) = await MultipartSpool.ReadAsync(request, buffers, limits, ct);
            if (spool is null)
            {
                return problem!;
            }

            await using (spool)
            {
                if (spool.Parts.Where(p => p.FileName is not null).ToList() is not [var zip])
                {
                    return TypedResults.Problem("Send one zip file.", statusCode: StatusCodes.Status400BadRequest);
                }

                return zip.Failure is { } failure ? ApiProblems.NotSaved(failure) : await ImportZipAsync(zip.Content!, galleryId, importer, user, ct);
            }
        }

        await using var body = buffers.Create();
        try
        {
            await request.Body.CopyToAsync(body, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem($"The zip is larger than {UploadLimits.MaxImportBytes / (1024 * 1024)} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        body.Position = 0;
        return await ImportZipAsync(body, galleryId, importer, user, ct);
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportZipAsync(Stream zip, Guid galleryId, FaceSetImporter importer, ClaimsPrincipal user, CancellationToken ct)
    {
        var report = await importer.ImportAsync(zip, galleryId, ActorName.Of(user), progress: null, ct);
        return report.People.Count == 0 && report.Problems.Count > 0
            ? TypedResults.Problem(string.Join(" ", report.Problems), statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Ok(report);
    }
}
