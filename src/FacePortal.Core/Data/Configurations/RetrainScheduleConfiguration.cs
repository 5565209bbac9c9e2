namespace FacePortal.Core.Data.Configurations;

internal sealed class RetrainScheduleConfiguration : IEntityTypeConfiguration<RetrainSchedule>
{
    public void Configure(EntityTypeBuilder<RetrainSchedule> schedule)
    {
        // One schedule per gallery, gone with it.
        schedule.HasKey(s => s.GalleryId);
        schedule.HasOne<Gallery>().WithMany().HasForeignKey(s => s.GalleryId).OnDelete(DeleteBehavior.Cascade);
        schedule.Property(s => s.Cron).HasMaxLength(100).IsUnicode(false);
        schedule.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
