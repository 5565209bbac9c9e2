using System.IO.Compression;
using System.Text.Json;
using FacePortal.Core.Auditing;
using FacePortal.Core.Storage;

namespace FacePortal.Core.People.Transfer;

/// <summary>
/// Imports a zip with a folder per person. Files listed as aligned in a <see cref="FaceSetManifest"/>
/// (an export of ours) are embedded as they are; any other image is enrolled like an upload.
/// People are matched by name and created when missing. Limits on entries and expanded size
/// are checked before anything is read, so a zip bomb costs nothing.
/// </summary>
public sealed class FaceSetImporter(EnrollmentService enrollment, PeopleService people, AuditTrail audit)
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".bmp" };

    public async Task<ImportReport> ImportAsync(Stream zipStream, string actor, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
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
            var options = enrollment.Options;
            var files = zip.Entries.Where(e => !string.IsNullOrEmpty(e.Name) && !IsJunk(e.FullName)).ToList();
            if (files.Count > options.MaxZipEntries)
            {
                return ImportReport.Failed($"The zip holds {files.Count} files; at most {options.MaxZipEntries} can be imported at once.");
            }

            var expanded = files.Sum(e => e.Length);
            if (expanded > options.MaxZipUncompressedBytes)
            {
                return ImportReport.Failed($"The zip expands to {expanded / (1024 * 1024):N0} MB; the limit is {options.MaxZipUncompressedBytes / (1024 * 1024):N0} MB.");
            }

            var manifest = await ReadManifestAsync(zip, cancellationToken).ConfigureAwait(false);
            var aligned = manifest?.People.SelectMany(p => p.Faces).Where(f => f.Aligned).Select(f => f.File).ToHashSet(StringComparer.Ordinal) ?? [];
            var names = manifest?.People.ToDictionary(p => p.Folder, p => p.Name, StringComparer.Ordinal) ?? [];

            var problems = new List<string>();
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

            var total = groups.Sum(g => g.Entries.Count);
            var done = 0;
            var imported = new List<ImportedPerson>();
            foreach (var (folder, entries) in groups)
            {
                var name = names.GetValueOrDefault(folder, folder);
                var nameError = PeopleService.ValidateName(name);
                if (nameError is not null)
                {
                    problems.Add($"{folder}: {nameError}");
                    done += entries.Count;
                    continue;
                }

                var existing = await people.FindByNameAsync(name, cancellationToken).ConfigureAwait(false);
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
                        created = await people.CreateAsync(name, actor, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
                    {
                        // Every file of this person is still reported, as not saved, and the import goes on.
                        problems.Add($"{folder}: {name} could not be created: {failure.Reason}.");
                        imported.Add(new ImportedPerson(name, null, false, entries.Select(e => EnrollmentService.NotSaved(e.FullName, failure)).ToList()));
                        done += entries.Count;
                        continue;
                    }

                    if (!created.Succeeded)
                    {
                        problems.Add($"{folder}: {created.Error}");
                        done += entries.Count;
                        continue;
                    }

                    personId = created.Value;
                }

                var results = new List<EnrollmentResult>();
                foreach (var entry in entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    results.Add(await ImportEntryAsync(entry, personId, aligned.Contains(entry.FullName), actor, cancellationToken).ConfigureAwait(false));
                    done++;
                    progress?.Report(new ImportProgress(done, total, name));
                }

                if (existing is null && !results.Any(r => r.IsAccepted))
                {
                    // An import that enrolled nothing of someone must not leave an empty person behind.
                    await DeleteEmptyPersonAsync(personId, actor, folder, problems, cancellationToken).ConfigureAwait(false);
                    problems.Add($"{folder}: none of the photos could be enrolled, so {name} was not created.");
                    imported.Add(new ImportedPerson(name, null, false, results));
                    continue;
                }

                imported.Add(new ImportedPerson(name, personId, existing is null, results));
            }

            var accepted = imported.Sum(p => p.Accepted);
            try
            {
                await audit.RecordAsync(actor, AuditActions.FacesImported, null,
                    $"Imported a zip: {accepted} face(s) accepted, {imported.Sum(p => p.Rejected)} rejected, for {imported.Count} person(s) ({imported.Count(p => p.Created)} new).",
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
            {
                problems.Add($"The import could not be recorded in the audit trail: {failure.Reason}.");
            }

            return new ImportReport(imported, problems);
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
