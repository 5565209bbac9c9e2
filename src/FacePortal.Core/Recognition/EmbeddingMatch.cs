namespace FacePortal.Core.Recognition;

/// <summary>Who an embedding is (<see cref="FaceRecognizer.MatchEmbedding"/>).</summary>
/// <param name="Verdict">Named or which kind of Unknown, why, and the operating point it was decided at.</param>
/// <param name="Candidates">The closest people in the gallery, best first, whether or not they reach the threshold.</param>
public sealed record EmbeddingMatch(Verdict Verdict, IReadOnlyList<GalleryMatch> Candidates);
