using FacePortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FacePortal.Core.Data.Configurations;

internal sealed class RetrainScheduleConfiguration : IEntityTypeConfiguration<RetrainSchedule>
{
    public void Configure(EntityTypeBuilder<RetrainSchedule> schedule)
    {
        schedule.Property(s => s.Id).ValueGeneratedNever();
        schedule.Property(s => s.Cron).HasMaxLength(100).IsUnicode(false);
        schedule.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
