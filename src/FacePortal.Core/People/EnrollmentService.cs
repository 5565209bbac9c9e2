using FacePortal.Shared.Analysis;
using FacePortal.Shared.Faces.Alignment;
using FacePortal.Shared.Imaging;
using SkiaSharp;

namespace FacePortal.Core.People;

/// <summary>
/// Turns a photo into an enrolled face: checks it, runs the pipeline, keeps its only face, or the face
/// the caller chose when it holds several (<see cref="FaceChoice"/>; without a choice such a photo is
/// answered <see cref="EnrollmentStatus.NeedsFaceChoice"/> and nothing is stored), if it is good enough, and stores the photo, the aligned crop and the
/// rows in one step. Every photo gets an <see cref="EnrollmentResult"/>; nothing here throws for bad
/// input, nor for a disk that is full or read-only (<see cref="StorageFailure"/>): that photo is
/// reported as not saved, and a batch goes on with the next one.
/// </summary>
public sealed class EnrollmentService(
    FacePipeline pipeline,
    IDbContextFactory<FacePortalDbContext> databases,
    BlobStore blobs,
    EnrollmentOptions options,
    QualityRules quality,
    TimeProvider time,
    IEnumerable<IGalleryListener> listeners,
    EnrollmentMetrics metrics)
{
    public EnrollmentOptions Options { get; } = options;

    /// <summary>The largest photo file accepted (the decoder's byte limit).</summary>
    public long MaxPhotoBytes => pipeline.Decoder.Limits.MaxBytes;

    /// <summary>
    /// Refuses a file by its announced length, so callers need not read an oversized upload into
    /// memory before the decoder would refuse it anyway. Null when the size is acceptable.
    /// </summary>
    public EnrollmentResult? RejectIfTooLarge(string fileName, long length) => length > MaxPhotoBytes
        ? EnrollmentResult.Rejected(
            CleanFileName(fileName), RejectionReason.Unreadable,
            $"The file is {length / (1024.0 * 1024):0.0} MB; the limit is {MaxPhotoBytes / (1024 * 1024)} MB.")
        : null;

    public Task<EnrollmentResult> EnrollPhotoAsync(
        Guid personId, ReadOnlyMemory<byte> content, string fileName, PhotoSource source, string actor, CancellationToken cancellationToken = default) =>
        EnrollPhotoAsync(personId, content, fileName, source, actor, choice: null, cancellationToken);

    /// <param name="choice">Which face to enroll when the photo holds several; null asks (<see cref="EnrollmentStatus.NeedsFaceChoice"/>).</param>
    public Task<EnrollmentResult> EnrollPhotoAsync(
        Guid personId, ReadOnlyMemory<byte> content, string fileName, PhotoSource source, string actor, FaceChoice? choice, CancellationToken cancellationToken = default)
    {
        fileName = CleanFileName(fileName);
        return UnlessStorageFailsAsync(fileName, EnrollPhotoCoreAsync(personId, content, fileName, source, actor, choice, cancellationToken));
    }

    private async Task<EnrollmentResult> EnrollPhotoCoreAsync(
        Guid personId, ReadOnlyMemory<byte> content, string fileName, PhotoSource source, string actor, FaceChoice? choice, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(personId, content, fileName, Analyze, cancellationToken).ConfigureAwait(false);
        if (prepared.Rejection is not null)
        {
            return prepared.Rejection;
        }

        var analysis = prepared.Analysis!;
        if (analysis.Faces.Count == 0)
        {
            return EnrollmentResult.Rejected(
                fileName, RejectionReason.NoFace,
                analysis.Retried ? $"No face was found in this photo, not even at the lower detector threshold ({analysis.RetryThreshold:0.0#})." : "No face was found in this photo.")
                with { LowerThresholdRetry = analysis.Retried };
        }

        var several = analysis.Faces.Count > 1;
        var found = several || choice is not null ? FoundFaces(analysis) : null;
        if (several && choice is null)
        {
            // A stranger beside the person must never become them: ask, store nothing.
            return new EnrollmentResult(
                fileName, EnrollmentStatus.NeedsFaceChoice, RejectionReason.None,
                $"{analysis.Faces.Count} faces were found; choose which one is this person. Nothing was enrolled yet.",
                FacesFound: analysis.Faces.Count, ImageWidth: analysis.Width, ImageHeight: analysis.Height,
                LowerThresholdRetry: analysis.Retried, Faces: found);
        }

        // A choice is honoured even for a one-face photo: a caller who named a box or index that is not there is told so.
        var chosen = choice is null ? analysis.Faces[0] : choice.Pick(analysis);
        if (chosen is null)
        {
            return EnrollmentResult.Rejected(fileName, RejectionReason.NoSuchFace, choice!.Unmatched(analysis.Faces.Count), analysis.Faces.Count)
                with { ImageWidth = analysis.Width, ImageHeight = analysis.Height, Faces = found, LowerThresholdRetry = analysis.Retried };
        }

        var qualityProblem = CheckQuality(fileName, chosen.Quality, analysis.Faces.Count);
        if (qualityProblem is not null)
        {
            return qualityProblem with { LowerThresholdRetry = analysis.Retried, Faces = several ? found : null };
        }

        var warnings = new List<string>();
        if (several && choice!.Warning(analysis) is { } choiceWarning)
        {
            warnings.Add(choiceWarning);
        }

        if (analysis.Retried)
        {
            warnings.Add($"The face was found only at the lower detector threshold ({analysis.RetryThreshold:0.0#}); check that it is the right one.");
        }

        if (prepared.AlsoEnrolledFor.Count > 0)
        {
            warnings.Add($"This photo is also enrolled for {string.Join(", ", prepared.AlsoEnrolledFor)}.");
        }

        var stored = await SaveAsync(
            personId, content, fileName, prepared, new PhotoFacts(analysis.Width, analysis.Height, source, analysis.Faces.Count, warnings.Count > 0 ? string.Join(" ", warnings) : null),
            NewFace(chosen.Box, chosen.Score, FloatBlob.FromPoints(chosen.Landmarks.Points), chosen.Quality, chosen.Embedding), chosen.AlignedFace,
            actor, cancellationToken).ConfigureAwait(false);
        if (stored is not { } saved)
        {
            return PersonGone(fileName);
        }

        var (photo, face) = saved;

        var others = analysis.Faces.Where(f => !ReferenceEquals(f, chosen)).Select(f => f.Box).ToList();
        return new EnrollmentResult(
            fileName,
            warnings.Count > 0 ? EnrollmentStatus.AcceptedWithWarning : EnrollmentStatus.Accepted,
            RejectionReason.None,
            photo.Warning ?? (several ? $"Enrolled the chosen face; the photo holds {analysis.Faces.Count} faces." : "Enrolled."),
            photo.Id,
            face.Id,
            analysis.Faces.Count,
            chosen.Box,
            others,
            analysis.Width,
            analysis.Height,
            analysis.Retried,
            several ? found : null);
    }

    private static List<FoundFace> FoundFaces(OnePersonAnalysis analysis) =>
        analysis.Faces.Select((f, i) => new FoundFace(i, f.Box.Left, f.Box.Top, f.Box.Right, f.Box.Bottom, f.Score)).ToList();

    /// <summary>
    /// Enrolls a face that is already aligned to the 112x112 template (an exported crop): it is
    /// embedded as it is, because detecting a face inside a tight crop would move it.
    /// </summary>
    public Task<EnrollmentResult> EnrollAlignedCropAsync(
        Guid personId, ReadOnlyMemory<byte> content, string fileName, string actor, CancellationToken cancellationToken = default)
    {
        fileName = CleanFileName(fileName);
        return UnlessStorageFailsAsync(fileName, EnrollAlignedCropCoreAsync(personId, content, fileName, actor, cancellationToken));
    }

    private async Task<EnrollmentResult> EnrollAlignedCropCoreAsync(
        Guid personId, ReadOnlyMemory<byte> content, string fileName, string actor, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(personId, content, fileName, EmbedAligned, cancellationToken).ConfigureAwait(false);
        if (prepared.Rejection is not null)
        {
            return prepared.Rejection;
        }

        var (aligned, embedding, quality) = prepared.Analysis!;
        var size = ArcFaceTemplate.Size;
        var qualityProblem = CheckQuality(fileName, quality with { SizePixels = float.MaxValue }, 1);
        if (qualityProblem is not null)
        {
            return qualityProblem;
        }

        var face = NewFace(new FaceBox(0, 0, size, size), 1, FloatBlob.FromPoints(ArcFaceTemplate.Points), quality, embedding);
        var stored = await SaveAsync(
            personId, content, fileName, prepared, new PhotoFacts(size, size, PhotoSource.Import, FacesFound: 1, Warning: null), face, aligned,
            actor, cancellationToken).ConfigureAwait(false);
        if (stored is not { Photo: var photo })
        {
            return PersonGone(fileName);
        }

        return new EnrollmentResult(fileName, EnrollmentStatus.Accepted, RejectionReason.None, "Enrolled (aligned crop).", photo.Id, face.Id, 1, face.Box, [], size, size);
    }

    /// <summary>
    /// What both paths do before deciding: the person still exists and does not have this photo yet, and
    /// the photo decodes (<paramref name="analyze"/> runs off the caller's context: the pipeline is
    /// synchronous CPU work, and the caller may be a Blazor circuit or a request).
    /// </summary>
    private async Task<Prepared<T>> PrepareAsync<T>(
        Guid personId, ReadOnlyMemory<byte> content, string fileName, Func<ReadOnlyMemory<byte>, (T, SKEncodedImageFormat)> analyze, CancellationToken cancellationToken)
        where T : class
    {
        var hash = BlobStore.HashOf(content.Span);
        var precheck = await PrecheckAsync(personId, hash, fileName, cancellationToken).ConfigureAwait(false);
        if (precheck.Rejection is not null)
        {
            return new Prepared<T>(hash, precheck.Rejection, null, default, []);
        }

        try
        {
            var (analysis, format) = await Task.Run(() => analyze(content), cancellationToken).ConfigureAwait(false);
            return new Prepared<T>(hash, null, analysis, format, precheck.AlsoEnrolledFor);
        }
        catch (ImageDecodeException ex)
        {
            return new Prepared<T>(hash, EnrollmentResult.Rejected(fileName, RejectionReason.Unreadable, ex.Message), null, default, []);
        }
    }

    /// <summary>A photo checked and decoded, or why it is refused before a face is chosen.</summary>
    private sealed record Prepared<T>(string Hash, EnrollmentResult? Rejection, T? Analysis, SKEncodedImageFormat Format, IReadOnlyList<string> AlsoEnrolledFor)
        where T : class;

    /// <summary>What a path knows of the photo a face is enrolled from, beyond its bytes.</summary>
    private sealed record PhotoFacts(int Width, int Height, PhotoSource Source, int FacesFound, string? Warning);

    /// <summary>
    /// Stores the photo, the chosen face's aligned crop and their rows; null when the person was
    /// deleted meanwhile (nothing stored).
    /// </summary>
    private async Task<(Photo Photo, EnrolledFace Face)?> SaveAsync<T>(
        Guid personId, ReadOnlyMemory<byte> content, string fileName, Prepared<T> prepared, PhotoFacts facts, EnrolledFace face, AlignedFace aligned,
        string actor, CancellationToken cancellationToken)
        where T : class
    {
        var crop = ImageEncoder.EncodeRgba(aligned.Rgba.Span, aligned.Size, aligned.Size);
        var photo = new Photo
        {
            PersonId = personId,
            ContentHash = prepared.Hash,
            FileName = fileName,
            ContentType = ImageContentTypes.Of(prepared.Format),
            ByteLength = content.Length,
            Width = facts.Width,
            Height = facts.Height,
            Source = facts.Source,
            FacesFound = facts.FacesFound,
            Warning = facts.Warning,
        };
        return await StoreAsync(photo, face, content, crop, actor, cancellationToken).ConfigureAwait(false) ? (photo, face) : null;
    }

    /// <summary>The photo's result, or "not saved" when the disk or database refused to store it; counted either way.</summary>
    private async Task<EnrollmentResult> UnlessStorageFailsAsync(string fileName, Task<EnrollmentResult> enrollment)
    {
        EnrollmentResult result;
        try
        {
            result = await enrollment.ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
        {
            result = NotSaved(fileName, failure);
        }

        metrics.Record(result);
        return result;
    }

    /// <summary>"The server could not save this photo: the disk is full."</summary>
    public static EnrollmentResult NotSaved(string fileName, StorageFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return EnrollmentResult.Rejected(CleanFileName(fileName), RejectionReason.NotSaved, $"The server could not save this photo: {failure.Reason}.");
    }

    private async Task<(EnrollmentResult? Rejection, List<string> AlsoEnrolledFor)> PrecheckAsync(
        Guid personId, string hash, string fileName, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false))
        {
            return (PersonGone(fileName), []);
        }

        var holders = await db.Photos
            .Where(p => p.ContentHash == hash)
            .Select(p => new { p.PersonId, p.Person!.Name, p.AddedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var own = holders.FirstOrDefault(h => h.PersonId == personId);
        if (own is not null)
        {
            return (EnrollmentResult.Rejected(
                fileName, RejectionReason.Duplicate, $"This photo is already enrolled for this person (added {own.AddedAt:yyyy-MM-dd HH:mm} UTC)."), []);
        }

        return (null, holders.Select(h => h.Name).Distinct().ToList());
    }

    /// <summary>The one quality rule set recognition and the lab use too, so a face enrolled here is one recognition will judge.</summary>
    private EnrollmentResult? CheckQuality(string fileName, FaceQuality faceQuality, int facesFound)
    {
        var problems = quality.Problems(faceQuality);
        if (problems.Count == 0)
        {
            return null;
        }

        var reason = faceQuality.SizePixels < quality.MinSizePixels ? RejectionReason.TooSmall
            : faceQuality.Sharpness < quality.MinSharpness ? RejectionReason.TooBlurred
            : faceQuality.Brightness < quality.MinBrightness || faceQuality.Brightness > quality.MaxBrightness ? RejectionReason.BadExposure
            : RejectionReason.TooTurned;
        return EnrollmentResult.Rejected(fileName, reason, $"Not enrolled, low quality: {string.Join(", ", problems)}.", facesFound);
    }

    private (OnePersonAnalysis Analysis, SKEncodedImageFormat Format) Analyze(ReadOnlyMemory<byte> content)
    {
        using var image = pipeline.Decoder.Decode(content.Span);
        return (pipeline.AnalyzeOnePerson(image), image.Format);
    }

    private (AlignedEmbedding Analysis, SKEncodedImageFormat Format) EmbedAligned(ReadOnlyMemory<byte> content)
    {
        using var image = pipeline.Decoder.Decode(content.Span);
        var aligned = AlignedCrop.From(image);
        var embedding = pipeline.Embedder.Embed(aligned);
        var size = ArcFaceTemplate.Size;
        var quality = QualityAssessor.Assess(new FaceBox(0, 0, size, size), ArcFaceTemplate.Points, aligned);
        return (new AlignedEmbedding(aligned, embedding, quality), image.Format);
    }

    /// <summary>An exported crop as it is: already aligned, embedded without detection.</summary>
    private sealed record AlignedEmbedding(AlignedFace Aligned, float[] Embedding, FaceQuality Quality);

    private EnrolledFace NewFace(FaceBox box, float score, byte[] landmarks, FaceQuality quality, float[] embedding) => new()
    {
        BoxLeft = box.Left,
        BoxTop = box.Top,
        BoxRight = box.Right,
        BoxBottom = box.Bottom,
        DetectionScore = score,
        Landmarks = landmarks,
        SizePixels = quality.SizePixels,
        Sharpness = quality.Sharpness,
        Brightness = quality.Brightness,
        Frontalness = quality.Frontalness,
        RollDegrees = quality.RollDegrees,
        Embedding = FloatBlob.FromFloats(embedding),
        CropHash = string.Empty,
    };

    private async Task<bool> StoreAsync(Photo photo, EnrolledFace face, ReadOnlyMemory<byte> content, byte[] crop, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        photo.AddedAt = now;
        face.AddedAt = now;
        face.PhotoId = photo.Id;
        face.PersonId = photo.PersonId;

        using var referenceLock = await blobs.LockReferencesAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == photo.PersonId, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return false;
        }

        try
        {
            await blobs.PutAsync(content, cancellationToken).ConfigureAwait(false);
            face.CropHash = await blobs.PutAsync(crop, cancellationToken).ConfigureAwait(false);
            person.UpdatedAt = now;
            db.Photos.Add(photo);
            db.Faces.Add(face);
            AuditTrail.Add(
                db, now, actor, AuditActions.PhotoEnrolled, person.Id.ToString(),
                $"Enrolled a face of {person.Name} from {photo.Source.ToString().ToLowerInvariant()} '{photo.FileName}' ({photo.Width}x{photo.Height}, {photo.ByteLength:N0} bytes).");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is not null)
        {
            await RemoveUnsavedBlobsAsync([photo.ContentHash, face.CropHash]).ConfigureAwait(false);
            throw;
        }

        var enrolled = new GalleryFace(face.Id, person.Id, person.Name, FloatBlob.ToFloats(face.Embedding));
        foreach (var listener in listeners)
        {
            listener.FaceEnrolled(person.GalleryId, enrolled);
        }
        return true;
    }

    /// <summary>
    /// The photo's files may be stored while its rows are not (the database refused the commit):
    /// remove them now if nothing else uses them. Still holding the reference lock; if even this
    /// fails, the periodic orphan sweep removes them later.
    /// </summary>
    private async Task RemoveUnsavedBlobsAsync(string[] hashes)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync().ConfigureAwait(false);
            await BlobReferences.DeleteUnreferencedAsync(db, blobs, hashes, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is not null)
        {
            // Left for the sweep.
        }
    }

    private static EnrollmentResult PersonGone(string fileName) =>
        EnrollmentResult.Rejected(fileName, RejectionReason.PersonNotFound, "This person no longer exists.");

    internal static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "photo";
        }

        return name.Length > Photo.MaxFileNameLength ? name[..Photo.MaxFileNameLength] : name;
    }
}
