using FacePortal.Core.People;
using FacePortal.Web.Hosting;

namespace FacePortal.Web.People;

/// <summary>
/// A multipart upload of photos for one person, enrolled file by file: every file gets a result,
/// including one too large or one the disk could not hold. Shared by the portal's API and the integration API.
/// </summary>
public static class PhotoUploads
{
    /// <summary>The per-file results, or a problem (no files, malformed, too many) to answer instead.</summary>
    public static async Task<(List<EnrollmentResult>? Results, IResult? Problem)> EnrollAsync(
        HttpRequest request, Guid personId, PhotoSource source, EnrollmentService enrollment, RequestBuffers buffers, string actor, CancellationToken ct)
    {
        // Read as a stream into our own request buffers: every file gets a result, including one the
        // disk could not hold, and nothing is left in the system's temp folder if the process dies.
        var limits = new MultipartLimits(enrollment.Options.MaxFilesPerBatch, enrollment.MaxPhotoBytes, "photo", RefuseOversizedParts: false);
        var (spool, problem) = await MultipartSpool.ReadAsync(request, buffers, limits, ct);
        if (spool is null)
        {
            return (null, problem!);
        }

        await using (spool)
        {
            var files = spool.Parts.Where(p => p.FileName is not null).ToList();
            if (files.Count == 0)
            {
                return (null, Results.Problem("No files were sent.", statusCode: StatusCodes.Status400BadRequest));
            }

            var results = new List<EnrollmentResult>(files.Count);
            foreach (var file in files)
            {
                results.Add(await EnrollAsync(file, personId, source, enrollment, actor, ct));
            }

            return (results, null);
        }
    }

    private static async Task<EnrollmentResult> EnrollAsync(
        SpooledPart file, Guid personId, PhotoSource source, EnrollmentService enrollment, string actor, CancellationToken ct)
    {
        var fileName = file.FileName!;
        if (enrollment.RejectIfTooLarge(fileName, file.Length) is { } tooLarge)
        {
            return tooLarge;
        }

        if (file.Failure is { } failure)
        {
            return EnrollmentService.NotSaved(fileName, failure);
        }

        return await enrollment.EnrollPhotoAsync(personId, await file.ReadAllBytesAsync(ct), fileName, source, actor, ct);
    }
}
