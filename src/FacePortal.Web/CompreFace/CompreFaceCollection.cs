using FacePortal.Core;
using FacePortal.Shared.Search;

namespace FacePortal.Web.CompreFace;

/// <summary>
/// Every call the CompreFace-compatible API makes into FacePortal's people and gallery services, in one class:
/// a CompreFace "face collection" is a gallery, a subject a person, an example an enrolled face (its image the
/// photo it came from). Each method takes the gallery <see cref="CompreFaceGallery"/> resolved and never reaches
/// outside it: a person, face or photo of another gallery is answered as missing (<see cref="GalleryAccess.HoldsAsync"/>).
/// </summary>
public sealed class CompreFaceCollection(
    PeopleService people, EnrollmentService enrollment, MediaService media, FaceCatalog catalog, RecognitionGallery gallery, FaceRecognizer recognizer, GalleryAccess access)
{
    private const int ListPage = 500;

    public async Task<IReadOnlyList<(Guid Id, string Name)>> SubjectsAsync(Guid galleryId, CancellationToken ct)
    {
        var all = new List<(Guid, string)>();
        for (var page = 0; ; page++)
        {
            var batch = await people.ListAsync(new PeopleQuery(Page: page, PageSize: ListPage, GalleryId: galleryId), ct);
            all.AddRange(batch.Items.Select(p => (p.Id, p.Name)));
            if (batch.Items.Count < ListPage)
            {
                return all;
            }
        }
    }

    public Task<Guid?> FindSubjectAsync(Guid galleryId, string name, CancellationToken ct)
    {
        return people.FindByNameAsync(galleryId, name, ct);
    }

    public async Task<string?> SubjectNameAsync(Guid galleryId, Guid personId, CancellationToken ct) =>
        await access.HoldsAsync(galleryId, GalleryItem.Person, personId, ct) ? await people.FindNameAsync(personId, ct) : null;

    public Task<Outcome<Guid>> CreateSubjectAsync(Guid galleryId, string name, string actor, CancellationToken ct)
    {
        return people.CreateAsync(galleryId, name, actor, ct);
    }

    public Task<Outcome> RenameSubjectAsync(Guid galleryId, Guid personId, string name, string actor, CancellationToken ct)
    {
        _ = galleryId;
        return people.RenameAsync(personId, name, actor, ct);
    }

    /// <summary>
    /// CompreFace's rename onto an existing name: every face of <paramref name="from"/> moves to <paramref name="into"/>
    /// (a photo <paramref name="into"/> already has is a duplicate and goes with <paramref name="from"/>), then
    /// <paramref name="from"/> is deleted. Each step is FacePortal's own, audited as such.
    /// </summary>
    public async Task MergeSubjectsAsync(Guid galleryId, Guid from, Guid into, string actor, CancellationToken ct)
    {
        var faces = await catalog.ListAsync(new FaceCatalogQuery(PersonId: from, PageSize: 1000), ct);
        foreach (var face in faces.Items)
        {
            await people.MoveFaceAsync(face.FaceId, into, actor, ct);
        }

        await DeleteSubjectAsync(galleryId, from, actor, ct);
    }

    public Task<DeletionReport> DeleteSubjectAsync(Guid galleryId, Guid personId, string actor, CancellationToken ct)
    {
        _ = galleryId;
        return people.DeleteAsync(personId, actor, ct);
    }

    public Task<FaceCatalogPage> FacesAsync(Guid galleryId, FaceCatalogQuery query, CancellationToken ct) =>
        catalog.ListAsync(query with { GalleryId = galleryId }, ct);

    /// <summary>One example by id, or null when the gallery has no such face.</summary>
    public async Task<CatalogFace?> FaceAsync(Guid galleryId, Guid faceId, CancellationToken ct) =>
        (await FacesAsync(galleryId, new FaceCatalogQuery(FaceIds: [faceId], PageSize: 1), ct)).Items.SingleOrDefault();

    /// <summary>Deletes one example; its photo goes with it, as on the person page.</summary>
    public async Task<DeletionReport> DeleteFaceAsync(Guid galleryId, Guid faceId, string actor, CancellationToken ct) =>
        await access.HoldsAsync(galleryId, GalleryItem.Face, faceId, ct) ? await people.DeleteFaceAsync(faceId, actor, ct) : new DeletionReport(false, 0, 0, 0);

    public Task<EnrollmentResult> EnrollAsync(Guid galleryId, Guid personId, byte[] photo, string fileName, string actor, CancellationToken ct)
    {
        _ = galleryId;
        return enrollment.EnrollPhotoAsync(personId, photo, fileName, PhotoSource.Upload, actor, ct);
    }

    public async Task<MediaFile?> OpenPhotoAsync(Guid galleryId, Guid photoId, CancellationToken ct) =>
        await access.HoldsAsync(galleryId, GalleryItem.Photo, photoId, ct) ? await media.OpenPhotoAsync(photoId, ct) : null;

    /// <summary>The gallery's search index, which also carries its open-set operating point (<see cref="FaceRecognizer.OperatingPointOf"/>).</summary>
    public ValueTask<GalleryIndex> IndexAsync(Guid galleryId, CancellationToken ct)
    {
        return gallery.GetIndexAsync(galleryId, ct);
    }

    public long MaxPhotoBytes => enrollment.MaxPhotoBytes;

    public FaceRecognizer Recognizer => recognizer;
}
