namespace FacePortal.Shared.Search;

/// <summary>A face an admin marked "not <see cref="PersonId"/>" (feedback on a wrong name), with its unit-length embedding.</summary>
public sealed record NegativeFace(Guid Id, Guid PersonId, float[] Embedding);
