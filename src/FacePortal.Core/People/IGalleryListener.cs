using FacePortal.Shared.Search;

namespace FacePortal.Core.People;

/// <summary>
/// Told of every committed change to the enrolled faces, so in-memory views of the gallery
/// (the recognition index) stay current without reloading. Calls come after the database
/// commit and must be idempotent: a listener may already have read the change from the database.
/// </summary>
public interface IGalleryListener
{
    void FaceEnrolled(GalleryFace face);

    void FacesRemoved(IReadOnlyCollection<Guid> faceIds);

    void PersonRenamed(Guid personId, string name);

    void PersonRemoved(Guid personId);

    /// <summary>An admin marked a face "not this person"; a listener with no use for negatives ignores it.</summary>
    void NegativeAdded(NegativeFace negative)
    {
    }

    /// <summary>"Not this person" faces deleted (a person's own go with <see cref="PersonRemoved"/>).</summary>
    void NegativesRemoved(IReadOnlyCollection<Guid> negativeIds)
    {
    }
}
