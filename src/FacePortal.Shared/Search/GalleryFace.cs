namespace FacePortal.Shared.Search;

/// <summary>One enrolled face as recognition sees it: whose it is and its unit-length embedding.</summary>
public sealed record GalleryFace(Guid FaceId, Guid PersonId, string PersonName, float[] Embedding);
