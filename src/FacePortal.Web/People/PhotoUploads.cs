using System.Text;

namespace FacePortal.Web.People;

/// <summary>
/// A multipart upload of photos for one person, enrolled file by file: every file gets a result,
/// including one too large or one the disk could not hold. Shared by the portal's API and the integration API.
/// A photo with several faces is enrolled only when the request says which face (<c>face</c> or <c>box</c>,
/// in the query or as form fields); otherwise the answer is 422 listing the faces to choose from.
/// </summary>
public static class PhotoUploads
{
    public const string FaceParameter = "face";
    public const string BoxParameter = "box";

    /// <summary>Describes the face and box parameters for the API document.</summary>
    public const string ChoiceDescription =
        "A photo that holds several faces is not enrolled unless the request says which face is the person: "
        + "face=<index> (0-based, in the order the 422 answer lists them, best detection score first) or "
        + "box=left,top,right,bottom (photo pixels; the face overlapping it most, with intersection over union at least 0.5), "
        + "as query parameters or form fields. They apply to a request with one photo. Without them such a photo is answered "
        + "422 with a problem whose faces list every face's index, box and detection score; nothing of it is stored.";

    /// <summary>
    /// The answer to the upload: the per-file results (200), or a problem (no files, malformed, too many: 4xx;
    /// a photo that needs a face chosen: 422).
    /// </summary>
    /// <param name="highlighted">Webcam capture: enroll the face the preview highlighted, the primary one (<see cref="FaceChoice.Highlighted"/>).</param>
    public static async Task<Results<Ok<List<EnrollmentResult>>, ProblemHttpResult>> EnrollAsync(
        HttpRequest request, Guid personId, PhotoSource source, EnrollmentService enrollment, RequestBuffers buffers, string actor, bool highlighted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Read as a stream into our own request buffers: every file gets a result, including one the
        // disk could not hold, and nothing is left in the system's temp folder if the process dies.
        // Two more parts than files: the face and box form fields.
        var limits = new MultipartLimits(enrollment.Options.MaxFilesPerBatch + 2, enrollment.MaxPhotoBytes, "photo", RefuseOversizedParts: false);
        var (spool, problem) = await MultipartSpool.ReadAsync(request, buffers, limits, ct);
        if (spool is null)
        {
            return problem!;
        }

        await using (spool)
        {
            var files = spool.Parts.Where(p => p.FileName is not null).ToList();
            if (files.Count == 0)
            {
                return TypedResults.Problem("No files were sent.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (files.Count > enrollment.Options.MaxFilesPerBatch)
            {
                return TypedResults.Problem(
                    $"More than {enrollment.Options.MaxFilesPerBatch} photos were sent; at most {enrollment.Options.MaxFilesPerBatch} are accepted at once.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            var face = request.Query[FaceParameter].FirstOrDefault() ?? await FieldAsync(spool, FaceParameter, ct);
            var box = request.Query[BoxParameter].FirstOrDefault() ?? await FieldAsync(spool, BoxParameter, ct);
            var (choice, choiceProblem) = FaceChoice.Parse(face, box);
            if (choiceProblem is not null)
            {
                return TypedResults.Problem(choiceProblem, statusCode: StatusCodes.Status400BadRequest);
            }

            if (choice is not null && files.Count > 1)
            {
                return TypedResults.Problem(
                    "face and box choose a face of one photo: send that photo alone with them.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (highlighted)
            {
                choice ??= FaceChoice.Highlighted;
            }

            var results = new List<EnrollmentResult>(files.Count);
            foreach (var file in files)
            {
                results.Add(await EnrollAsync(file, personId, source, enrollment, actor, choice, ct));
            }

            return results.FirstOrDefault(NeedsChoice) is { } undecided ? ChooseAFace(undecided, results) : TypedResults.Ok(results);
        }
    }

    private static bool NeedsChoice(EnrollmentResult result) =>
        result.Status == EnrollmentStatus.NeedsFaceChoice || result.Reason == RejectionReason.NoSuchFace;

    /// <summary>
    /// 422: the photo's faces, to send it again with one chosen. In a batch the other files were handled
    /// as usual, so every file's result goes along too.
    /// </summary>
    private static ProblemHttpResult ChooseAFace(EnrollmentResult undecided, List<EnrollmentResult> results)
    {
        var detail = undecided.Status == EnrollmentStatus.NeedsFaceChoice
            ? $"'{undecided.FileName}' holds {undecided.FacesFound} faces and nothing of it was enrolled. Send it again with "
                + $"{FaceParameter}=<index> or {BoxParameter}=left,top,right,bottom to enroll the face that is this person."
            : $"'{undecided.FileName}': {undecided.Message} Nothing of it was enrolled.";
        return TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Choose which face is the person",
            extensions: new Dictionary<string, object?>
            {
                ["fileName"] = undecided.FileName,
                ["imageWidth"] = undecided.ImageWidth,
                ["imageHeight"] = undecided.ImageHeight,
                ["faces"] = undecided.Faces ?? [],
                ["results"] = results,
            });
    }

    private static async Task<string?> FieldAsync(MultipartSpool spool, string name, CancellationToken ct)
    {
        var part = spool.Parts.FirstOrDefault(p => p.FileName is null && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (part is null || part.Content is null)
        {
            return null;
        }

        if (part.Length > 256)
        {
            return "(too long)";
        }

        return Encoding.UTF8.GetString(await part.ReadAllBytesAsync(ct));
    }

    private static async Task<EnrollmentResult> EnrollAsync(
        SpooledPart file, Guid personId, PhotoSource source, EnrollmentService enrollment, string actor, FaceChoice? choice, CancellationToken ct)
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

        return await enrollment.EnrollPhotoAsync(personId, await file.ReadAllBytesAsync(ct), fileName, source, actor, choice, ct);
    }
}
