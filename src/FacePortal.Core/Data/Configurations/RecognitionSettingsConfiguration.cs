namespace FacePortal.Core.Data.Configurations;

internal sealed class RecognitionSettingsConfiguration : IEntityTypeConfiguration<RecognitionSettings>
{
    public void Configure(EntityTypeBuilder<RecognitionSettings> settings)
    {
        settings.ToTable("RecognitionSettings");
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
