using StackExchange.Redis;

namespace FacePortal.Core.ScaleOut;

/// <summary>
/// Publishes every committed gallery change and model switch of this node on Redis, where
/// <see cref="GallerySync"/> on every other node applies it. It hears them as the one more
/// <see cref="IGalleryListener"/> and <see cref="IActiveModelListener"/>, so each change is published
/// from where it is already announced. A message that cannot be sent (Redis down) is not retried:
/// the other nodes' version check (<see cref="GalleryVersion"/>) finds the change in the database.
/// </summary>
public sealed class GalleryChannel(IConnectionMultiplexer redis, PortalNode node, TimeProvider time, ILogger<GalleryChannel> logger) : IGalleryListener, IActiveModelListener
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("faceportal:gallery");

    public void FaceEnrolled(Guid galleryId, GalleryFace face) => Publish(new GalleryChange(node.Id, GalleryChangeKind.FaceEnrolled) { GalleryId = galleryId, Face = face });

    public void FacesRemoved(Guid galleryId, IReadOnlyCollection<Guid> faceIds) => Publish(new GalleryChange(node.Id, GalleryChangeKind.FacesRemoved) { GalleryId = galleryId, FaceIds = faceIds });

    public void PersonRenamed(Guid galleryId, Guid personId, string name) => Publish(new GalleryChange(node.Id, GalleryChangeKind.PersonRenamed) { GalleryId = galleryId, PersonId = personId, Name = name });

    public void PersonRemoved(Guid galleryId, Guid personId) => Publish(new GalleryChange(node.Id, GalleryChangeKind.PersonRemoved) { GalleryId = galleryId, PersonId = personId });

    public void NegativeAdded(Guid galleryId, NegativeFace negative) => Publish(new GalleryChange(node.Id, GalleryChangeKind.NegativeAdded) { GalleryId = galleryId, Negative = negative });

    public void NegativesRemoved(Guid galleryId, IReadOnlyCollection<Guid> negativeIds) => Publish(new GalleryChange(node.Id, GalleryChangeKind.NegativesRemoved) { GalleryId = galleryId, NegativeIds = negativeIds });

    public void ActiveModelChanged(Guid galleryId, Guid? modelId) => Publish(new GalleryChange(node.Id, GalleryChangeKind.ActiveModelChanged) { GalleryId = galleryId, ModelId = modelId });

    private void Publish(GalleryChange change)
    {
        try
        {
            // Not awaited: the change is committed and applied here; the request need not wait for Redis.
            redis.GetSubscriber().Publish(Channel, (change with { PublishedAt = time.GetUtcNow() }).ToJson(), CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not publish the gallery change {Kind}; other nodes pick it up at their next version check", change.Kind);
        }
    }
}
