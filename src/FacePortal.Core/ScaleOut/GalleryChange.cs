namespace FacePortal.Core.ScaleOut;

public enum GalleryChangeKind
{
    FaceEnrolled,
    FacesRemoved,
    PersonRenamed,
    PersonRemoved,
    ActiveModelChanged,
    NegativeAdded,
    NegativesRemoved,
}

/// <summary>One committed change to what recognition uses, as it travels between nodes on the gallery channel.</summary>
public sealed record GalleryChange(Guid Node, GalleryChangeKind Kind)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The gallery the change belongs to: only that gallery's index applies it. Main for a message of a version before galleries.</summary>
    public Guid GalleryId { get; init; } = Gallery.DefaultId;

    public GalleryFace? Face { get; init; }

    public IReadOnlyCollection<Guid>? FaceIds { get; init; }

    /// <summary>A face marked "not this person".</summary>
    public NegativeFace? Negative { get; init; }

    public IReadOnlyCollection<Guid>? NegativeIds { get; init; }

    public Guid? PersonId { get; init; }

    public string? Name { get; init; }

    /// <summary>The model put in use; null for the gallery.</summary>
    public Guid? ModelId { get; init; }

    /// <summary>When the publishing node sent it: how late it was applied elsewhere (on one clock, as in the tests and the bench).</summary>
    public DateTimeOffset PublishedAt { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The change, or null for a message that is not one (another version's, or garbage).</summary>
    public static GalleryChange? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<GalleryChange>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Tells <paramref name="listener"/> of a gallery change; false for a change that is not a listener's (the model in use).</summary>
    public bool ApplyTo(IGalleryListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        switch (Kind)
        {
            case GalleryChangeKind.FaceEnrolled when Face is not null:
                listener.FaceEnrolled(GalleryId, Face);
                return true;
            case GalleryChangeKind.FacesRemoved when FaceIds is not null:
                listener.FacesRemoved(GalleryId, FaceIds);
                return true;
            case GalleryChangeKind.PersonRenamed when PersonId is { } renamed && Name is not null:
                listener.PersonRenamed(GalleryId, renamed, Name);
                return true;
            case GalleryChangeKind.PersonRemoved when PersonId is { } removed:
                listener.PersonRemoved(GalleryId, removed);
                return true;
            case GalleryChangeKind.NegativeAdded when Negative is not null:
                listener.NegativeAdded(GalleryId, Negative);
                return true;
            case GalleryChangeKind.NegativesRemoved when NegativeIds is not null:
                listener.NegativesRemoved(GalleryId, NegativeIds);
                return true;
            default:
                return false;
        }
    }
}
