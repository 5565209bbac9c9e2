namespace FacePortal.Web.Galleries;

/// <summary>The things a gallery holds that an operation can name by id (<see cref="GalleryAccess.HoldsAsync"/>).</summary>
public enum GalleryItem
{
    Person,
    Photo,
    Face,
}
