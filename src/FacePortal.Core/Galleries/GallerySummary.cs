namespace FacePortal.Core.Galleries;

/// <summary>A row of the galleries list: what a gallery holds, and so what deleting it would erase.</summary>
public sealed record GallerySummary(Guid Id, string Name, int PersonCount, int PhotoCount, int FaceCount, DateTime CreatedAt)
{
    /// <summary>Main: every installation has it, and it cannot be deleted.</summary>
    public bool IsDefault => Id == Gallery.DefaultId;
}
