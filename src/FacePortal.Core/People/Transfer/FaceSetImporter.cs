using System.IO.Compression;

namespace FacePortal.Core.People.Transfer;

/// <summary>
/// Imports a zip with a folder per person. Files listed as aligned in a <see cref="FaceSetManifest"/>
/// (an export of ours) are embedded as they are; any other image is enrolled like an upload.
/// People are matched by name within the gallery imported into, and created there when missing. Limits on entries and expanded size
/// are checked before anything is read, so a zip bomb costs nothing.
/// </summary>
public sealed class FaceSetImporter(EnrollmentService enrollment, PeopleService people, AuditTrail audit)
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".bmp" };

    public async Task<ImportReport> ImportAsync(
        Stream zipStream, Guid galleryId, string actor, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zipStream);
        ZipArchive zip;
        try
        {
            zip = await ZipArchive.CreateAsync(zipStream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return ImportReport.Failed("The file is not a zip archive.");
        }

        await using (zip.ConfigureAwait(false))
        {
            var files = zip.Entries.Where(e => !string.IsNullOrEmpty(e.Name) && !IsJunk(e.FullName)).ToList();
            if (TooLarge(files) is { } refusal)
            {
                return ImportReport.Failed(refusal);
            }

            var manifest = await ReadManifestAsync(zip, cancellationToken).ConfigureAwait(false);
            var run = new ImportRun(
                manifest?.People.SelectMany(p => p.Faces).Where(f => f.Aligned).Select(f => f.File).ToHashSet(StringComparer.Ordinal) ?? [],
                galleryId, actor, progress);
            var groups = GroupByPerson(files, run.Problems);
            run.Total = groups.Sum(g => g.Entries.Count);
            var names = manifest?.People.ToDictionary(p => p.Folder, p => p.Name, StringComparer.Ordinal) ?? [];
            var imported = new List<ImportedPerson>();
            foreach (var (folder, entries) in groups)
            {
                if (await ImportPersonAsync(folder, names.GetValueOrDefault(folder, folder), entries, run, cancellationToken).ConfigureAwait(false) is { } person)
                {
                    imported.Add(person);
                }
            }

            await RecordAsync(imported, run, cancellationToken).ConfigureAwait(false);
            return new ImportReport(imported, run.Problems);
        }
    }

    /// <summary>What one import carries from person to person: the aligned crops, its problems so far, its progress.</summary>
    private sealed class ImportRun(HashSet<string> aligned, Guid galleryId, string actor, IProgress<ImportProgress>? progress)
    {
        public HashSet<string> Aligned { get; } = aligned;

        public Guid GalleryId { get; } = galleryId;

        public string Actor { get; } = actor;

        public List<string> Problems { get; } = [];

        public int Total { get; set; }

        public int Done { get; private set; }

        /// <summary>Counts <paramref name="files"/> done without reporting progress (a person skipped whole).</summary>
        public void Skip(int files) => Done += files;

        public void Report(string person)
        {
            Done++;
            progress?.Report(new ImportProgress(Done, Total, person));
        }
    }

    /// <summary>Why the zip is refused before anything of it is read (too many files, too large expanded), or null.</summary>
    private string? TooLarge(List<ZipArchiveEntry> files)
    {
        var options = enrollment.Options;
        if (files.Count > options.MaxZipEntries)
        {
            return $"The zip holds {files.Count} files; at most {options.MaxZipEntries} can be imported at once.";
        }

        var expanded = files.Sum(e => e.Length);
        return expanded > options.MaxZipUncompressedBytes
            ? $"The zip expands to {expanded / (1024 * 1024):N0} MB; the limit is {options.MaxZipUncompressedBytes / (1024 * 1024):N0} MB."
            : null;
    }

    /// <summary>The files by the folder holding them (a person each), in the zip's order; files outside any folder are reported.</summary>
    private static List<(string Folder, List<ZipArchiveEntry> Entries)> GroupByPerson(List<ZipArchiveEntry> files, List<string> problems)
    {
        var groups = new List<(string Folder, List<ZipArchiveEntry> Entries)>();
        foreach (var entry in files)
        {
            if (entry.FullName == FaceSetManifest.FileName)
            {
                continue;
            }

            var parts = entry.FullName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                problems.Add($"{entry.FullName}: not in a person's folder, skipped.");
                continue;
            }

            // A single wrapping folder (zip of "dataset/Alice/1.jpg") is common; the person is the folder holding the file.
            var folder = parts[^2];
            var group = groups.FirstOrDefault(g => g.Folder == folder);
            if (group.Entries is null)
            {
                group = (folder, []);
                groups.Add(group);
            }

            group.Entries.Add(entry);
        }

        return groups;
    }

    /// <summary>
    /// One person's files: the person found by name or created, each file enrolled. Null when the
    /// person is skipped whole (a name that cannot be used, a creation refused), said in the problems.
    /// </summary>
    private async Task<ImportedPerson?> ImportPersonAsync(string folder, string name, List<ZipArchiveEntry> entries, ImportRun run, CancellationToken cancellationToken)
    {
        if (PeopleService.ValidateName(name) is { } nameError)
        {
            run.Problems.Add($"{folder}: {nameError}");
            run.Skip(entries.Count);
            return null;
        }

        var existing = await people.FindByNameAsync(run.GalleryId, name, cancellationToken).ConfigureAwait(false);
        Guid personId;
        if (existing is { } found)
        {
            personId = found;
        }
        else
        {
            Outcome<Guid> created;
            try
            {
                created = await people.CreateAsync(run.GalleryId, name, run.Actor, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
            {
                // Every file of this person is still reported, as not saved, and the import goes on.
                run.Problems.Add($"{folder}: {name} could not be created: {failure.Reason}.");
                run.Skip(entries.Count);
                return new ImportedPerson(name, null, false, entries.Select(e => EnrollmentService.NotSaved(e.FullName, failure)).ToList());
            }

            if (!created.Succeeded)
            {
                run.Problems.Add($"{folder}: {created.Error}");
                run.Skip(entries.Count);
                return null;
            }

            personId = created.Value;
        }

        var results = new List<EnrollmentResult>();
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(await ImportEntryAsync(entry, personId, run.Aligned.Contains(entry.FullName), run.Actor, cancellationToken).ConfigureAwait(false));
            run.Report(name);
        }

        if (existing is null && !results.Any(r => r.IsAccepted))
        {
            // An import that enrolled nothing of someone must not leave an empty person behind.
            await DeleteEmptyPersonAsync(personId, run.Actor, folder, run.Problems, cancellationToken).ConfigureAwait(false);
            run.Problems.Add($"{folder}: none of the photos could be enrolled, so {name} was not created.");
            return new ImportedPerson(name, null, false, results);
        }

        return new ImportedPerson(name, personId, existing is null, results);
    }

    /// <summary>One audit entry for the whole import; a storage failure here is a problem of the report, not of the import.</summary>
    private async Task RecordAsync(List<ImportedPerson> imported, ImportRun run, CancellationToken cancellationToken)
    {
        try
        {
            await audit.RecordAsync(run.Actor, AuditActions.FacesImported, null,
                $"Imported a zip: {imported.Sum(p => p.Accepted)} face(s) accepted, {imported.Sum(p => p.Rejected)} rejected, for {imported.Count} person(s) ({imported.Count(p => p.Created)} new).",
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
        {
            run.Problems.Add($"The import could not be recorded in the audit trail: {failure.Reason}.");
        }
    }

    private async Task DeleteEmptyPersonAsync(Guid personId, string actor, string folder, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            await people.DeleteAsync(personId, actor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
        {
            problems.Add($"{folder}: the empty person could not be removed again: {failure.Reason}.");
        }
    }

    private async Task<EnrollmentResult> ImportEntryAsync(ZipArchiveEntry entry, Guid personId, bool isAlignedCrop, string actor, CancellationToken cancellationToken)
    {
        var label = entry.FullName;
        if (!ImageExtensions.Contains(Path.GetExtension(entry.Name)))
        {
            return EnrollmentResult.Rejected(label, RejectionReason.Unreadable, "Not an image file (JPEG, PNG, WebP or BMP), skipped.");
        }

        // Generous bound: the decoder applies the real byte limit and says so in its message.
        var content = await ReadBoundedAsync(entry, 64L * 1024 * 1024, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return EnrollmentResult.Rejected(label, RejectionReason.Unreadable, "The file is too large or damaged inside the zip.");
        }

        if (isAlignedCrop)
        {
            return await enrollment.EnrollAlignedCropAsync(personId, content, entry.Name, actor, cancellationToken).ConfigureAwait(false);
        }

        var result = await enrollment.EnrollPhotoAsync(personId, content, entry.Name, PhotoSource.Import, actor, cancellationToken).ConfigureAwait(false);

        // Nobody is there to say which face of a group photo is the person: skip it and say where to choose.
        return result.Status == EnrollmentStatus.NeedsFaceChoice
            ? result with { Message = $"{result.FacesFound} faces: upload it on the person page and pick the face." }
            : result;
    }

    private static async Task<FaceSetManifest?> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(FaceSetManifest.FileName);
        if (entry is null)
        {
            return null;
        }

        var bytes = await ReadBoundedAsync(entry, 16L * 1024 * 1024, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<FaceSetManifest>(bytes, FaceSetManifest.JsonOptions);
            return manifest is { Format: FaceSetManifest.FormatName, Version: FaceSetManifest.CurrentVersion } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads an entry, trusting neither its declared length nor its compression ratio.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(ZipArchiveEntry entry, long maxBytes, CancellationToken cancellationToken)
    {
        if (entry.Length > maxBytes)
        {
            return null;
        }

        try
        {
            await using var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream((int)Math.Min(entry.Length, maxBytes));
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsJunk(string path) =>
        path.StartsWith("__MACOSX/", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith('.');
}

public sealed record ImportProgress(int Done, int Total, string CurrentPerson);

/// <summary>One person's part of an import; <see cref="PersonId"/> is null when nothing of theirs was enrolled and they were not created.</summary>
public sealed record ImportedPerson(string Name, Guid? PersonId, bool Created, IReadOnlyList<EnrollmentResult> Results)
{
    public int Accepted => Results.Count(r => r.IsAccepted);

    public int Rejected => Results.Count(r => !r.IsAccepted);
}

public sealed record ImportReport(IReadOnlyList<ImportedPerson> People, IReadOnlyList<string> Problems)
{
    public int Accepted => People.Sum(p => p.Accepted);

    public int Rejected => People.Sum(p => p.Rejected);

    public static ImportReport Failed(string problem) => new([], [problem]);
}
