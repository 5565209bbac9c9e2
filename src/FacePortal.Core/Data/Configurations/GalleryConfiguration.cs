namespace FacePortal.Core.Data.Configurations;

internal sealed class GalleryConfiguration : IEntityTypeConfiguration<Gallery>
{
    /// <summary>A fixed time, so the seed row never shows as a model change.</summary>
    private static readonly DateTime DefaultCreatedAt = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<Gallery> gallery)
    {
        gallery.Property(g => g.Name).HasMaxLength(Gallery.MaxNameLength);
        gallery.HasIndex(g => g.Name).IsUnique();

        // Deleting a gallery is GalleryService's job (files, models, audit); the cascade is the database's backstop.
        gallery.HasMany(g => g.People).WithOne().HasForeignKey(p => p.GalleryId).OnDelete(DeleteBehavior.Cascade);

        // Main exists in every database: the migration that introduced galleries put everyone in it.
        gallery.HasData(new Gallery { Id = Gallery.DefaultId, Name = Gallery.DefaultName, CreatedAt = DefaultCreatedAt });
    }
}
