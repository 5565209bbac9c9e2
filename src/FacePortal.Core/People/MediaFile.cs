namespace FacePortal.Core.People;

/// <summary>A stored file opened for reading, with the content type to send it as.</summary>
public sealed record MediaFile(Stream Content, string ContentType);
