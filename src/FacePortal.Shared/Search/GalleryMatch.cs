namespace FacePortal.Shared.Search;

/// <summary>A candidate person for a face.</summary>
/// <param name="Similarity">Cosine similarity to the person's nearest enrolled face; this is what decides.</param>
/// <param name="TemplateSimilarity">Cosine similarity to the person's template (the mean of their embeddings).</param>
/// <param name="NearestFaceId">The enrolled face that was nearest.</param>
/// <param name="EnrolledFaces">How many faces the person has enrolled.</param>
public sealed record GalleryMatch(Guid PersonId, string Name, float Similarity, float TemplateSimilarity, Guid NearestFaceId, int EnrolledFaces);
