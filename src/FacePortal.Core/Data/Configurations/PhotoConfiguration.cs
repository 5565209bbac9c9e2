namespace FacePortal.Core.Data.Configurations;

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> photo)
    {
        photo.Property(p => p.ContentHash).HasMaxLength(64).IsUnicode(false);
        photo.Property(p => p.FileName).HasMaxLength(Photo.MaxFileNameLength);
        photo.Property(p => p.ContentType).HasMaxLength(64).IsUnicode(false);
        photo.Property(p => p.Warning).HasMaxLength(500);
        photo.HasIndex(p => p.ContentHash);
        photo.HasIndex(p => new { p.PersonId, p.ContentHash }).IsUnique();
        photo.HasMany(p => p.Faces).WithOne(f => f.Photo).HasForeignKey(f => f.PhotoId).OnDelete(DeleteBehavior.Cascade);
    }
}
