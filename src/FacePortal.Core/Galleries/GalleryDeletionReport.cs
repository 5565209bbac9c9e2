namespace FacePortal.Core.Galleries;

/// <summary>What deleting a gallery erased, so the page, the API and the audit trail can say so.</summary>
public sealed record GalleryDeletionReport(string Name, int People, int Photos, int Faces, int FilesDeleted, int KeysLeftWithoutGallery);
