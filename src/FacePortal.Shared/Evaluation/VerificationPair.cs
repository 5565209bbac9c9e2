namespace FacePortal.Shared.Evaluation;

/// <summary>One labelled comparison: the similarity of two faces and whether they are the same person.</summary>
public readonly record struct VerificationPair(float Similarity, bool Same);
