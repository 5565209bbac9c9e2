using FacePortal.Core.Applications;

namespace FacePortal.Core.Data.Configurations;

internal sealed class ApplicationKeyConfiguration : IEntityTypeConfiguration<ApplicationKey>
{
    public void Configure(EntityTypeBuilder<ApplicationKey> key)
    {
        key.Property(k => k.Name).HasMaxLength(ApplicationKey.MaxNameLength);
        key.Property(k => k.Prefix).HasMaxLength(ApplicationKeySecret.PrefixLength).IsUnicode(false);
        key.HasIndex(k => k.Prefix).IsUnique();
        key.Property(k => k.Salt).HasMaxLength(16);
        key.Property(k => k.SecretHash).HasMaxLength(32);
        key.Property(k => k.CreatedBy).HasMaxLength(256);
    }
}
