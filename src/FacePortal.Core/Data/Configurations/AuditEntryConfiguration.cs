namespace FacePortal.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(64).IsUnicode(false);
        entry.Property(e => e.SubjectId).HasMaxLength(64).IsUnicode(false);
        entry.Property(e => e.Details).HasMaxLength(2000);
        entry.HasIndex(e => e.At);
    }
}
