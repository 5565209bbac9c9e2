namespace FacePortal.Core.People;

/// <summary>
/// Told of every committed change to the enrolled faces, so in-memory views of a gallery
/// (its recognition index) stay current without reloading. Every call names the gallery the change
/// belongs to, so a view of another gallery ignores it. Calls come after the database commit and
/// must be idempotent: a listener may already have read the change from the database.
/// </summary>
public interface IGalleryListener
{
    void FaceEnrolled(Guid galleryId, GalleryFace face);

    void FacesRemoved(Guid galleryId, IReadOnlyCollection<Guid> faceIds);

    void PersonRenamed(Guid galleryId, Guid personId, string name);

    void PersonRemoved(Guid galleryId, Guid personId);

    /// <summary>An admin marked a face "not this person"; a listener with no use for negatives ignores it.</summary>
    void NegativeAdded(Guid galleryId, NegativeFace negative)
    {
    }

    /// <summary>"Not this person" faces deleted (a person's own go with <see cref="PersonRemoved"/>).</summary>
    void NegativesRemoved(Guid galleryId, IReadOnlyCollection<Guid> negativeIds)
    {
    }

    /// <summary>
    /// A person moved to another gallery with their faces and negatives. By default: they leave one
    /// gallery and are enrolled in the other; a listener that must not treat a move as a deletion overrides it.
    /// </summary>
    void PersonMoved(Guid fromGalleryId, Guid toGalleryId, Guid personId, IReadOnlyCollection<GalleryFace> faces, IReadOnlyCollection<NegativeFace> negatives)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(negatives);
        PersonRemoved(fromGalleryId, personId);
        foreach (var face in faces)
        {
            FaceEnrolled(toGalleryId, face);
        }

        foreach (var negative in negatives)
        {
            NegativeAdded(toGalleryId, negative);
        }
    }
}
