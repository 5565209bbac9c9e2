namespace FacePortal.Core.Galleries;

/// <summary>One gallery an application key may use (a key is bound to one, or to several for admin tools).</summary>
public sealed class ApplicationKeyGallery
{
    public Guid ApplicationKeyId { get; set; }

    public Guid GalleryId { get; set; }
}
