using System.IO.Compression;

namespace FacePortal.Core.People.Transfer;

/// <summary>Writes people's aligned faces as a zip: a folder per person and a <see cref="FaceSetManifest"/>.</summary>
public sealed class FaceSetExporter(IDbContextFactory<FacePortalDbContext> databases, BlobStore blobs, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Writes the zip for the people of <paramref name="galleryId"/> (every gallery when null), only those of
    /// <paramref name="personIds"/> when given, and returns how many faces it holds.
    /// </summary>
    public async Task<int> WriteAsync(Stream output, Guid? galleryId, IReadOnlyCollection<Guid>? personIds, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var faces = db.Faces.AsNoTracking();
        if (galleryId is { } gallery)
        {
            faces = faces.Where(f => f.Person!.GalleryId == gallery);
        }

        if (personIds is not null)
        {
            faces = faces.Where(f => personIds.Contains(f.PersonId));
        }

        var rows = await faces
            .OrderBy(f => f.Person!.Name).ThenBy(f => f.AddedAt)
            .Select(f => new { f.Id, f.PersonId, PersonName = f.Person!.Name, f.CropHash, SourceFile = f.Photo!.FileName, f.Sharpness, f.Frontalness })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var manifest = new FaceSetManifest { ExportedAt = time.GetUtcNow().UtcDateTime };
        var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var written = 0;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var person in rows.GroupBy(r => (r.PersonId, r.PersonName)))
            {
                var folder = UniqueFolder(FolderNames.From(person.Key.PersonName), folders);
                var entry = new ManifestPerson(person.Key.PersonName, folder, []);
                manifest.People.Add(entry);
                foreach (var face in person)
                {
                    var crop = await blobs.ReadAllAsync(face.CropHash, cancellationToken).ConfigureAwait(false);
                    if (crop is null)
                    {
                        continue;
                    }

                    var path = $"{folder}/{face.Id:N}.png";
                    var zipEntry = zip.CreateEntry(path, CompressionLevel.NoCompression); // PNG is compressed already.
                    await using (var stream = await zipEntry.OpenAsync(cancellationToken).ConfigureAwait(false))
                    {
                        await stream.WriteAsync(crop, cancellationToken).ConfigureAwait(false);
                    }

                    entry.Faces.Add(new ManifestFace(path, true, face.SourceFile, face.Sharpness, face.Frontalness));
                    written++;
                }
            }

            var manifestEntry = zip.CreateEntry(FaceSetManifest.FileName, CompressionLevel.Optimal);
            await using var manifestStream = await manifestEntry.OpenAsync(cancellationToken).ConfigureAwait(false);
            await JsonSerializer.SerializeAsync(manifestStream, manifest, FaceSetManifest.JsonOptions, cancellationToken).ConfigureAwait(false);
        }

        var scope = personIds is null ? "all people" : $"{manifest.People.Count} person(s): {string.Join(", ", manifest.People.Select(p => p.Name))}";
        await audit.RecordAsync(actor, AuditActions.FacesExported, personIds?.Count == 1 ? personIds.First().ToString() : null,
            $"Exported {written} aligned face(s) of {scope}.", cancellationToken).ConfigureAwait(false);
        return written;
    }

    private static string UniqueFolder(string folder, HashSet<string> used)
    {
        var candidate = folder;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{folder} ({n})";
        }

        return candidate;
    }
}
