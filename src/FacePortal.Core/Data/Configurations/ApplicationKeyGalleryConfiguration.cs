using FacePortal.Core.Applications;

namespace FacePortal.Core.Data.Configurations;

internal sealed class ApplicationKeyGalleryConfiguration : IEntityTypeConfiguration<ApplicationKeyGallery>
{
    public void Configure(EntityTypeBuilder<ApplicationKeyGallery> binding)
    {
        binding.ToTable("ApplicationKeyGalleries");
        binding.HasKey(b => new { b.ApplicationKeyId, b.GalleryId });
        binding.HasOne<ApplicationKey>().WithMany(k => k.Galleries).HasForeignKey(b => b.ApplicationKeyId).OnDelete(DeleteBehavior.Cascade);
        binding.HasOne<Gallery>().WithMany().HasForeignKey(b => b.GalleryId).OnDelete(DeleteBehavior.Cascade);
        binding.HasIndex(b => b.GalleryId);
    }
}
