namespace FacePortal.Core.Data.Configurations;

internal sealed class TrainingJobConfiguration : IEntityTypeConfiguration<TrainingJob>
{
    public void Configure(EntityTypeBuilder<TrainingJob> job)
    {
        job.Property(j => j.RequestedBy).HasMaxLength(256);
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);

        // The columns keep the names they had when the entity held the JSON text itself.
        job.Property(j => j.Request).HasColumnName("RequestJson").HasConversion(JsonColumn.Converter<TrainingRequest>());
        job.Property(j => j.Result).HasColumnName("ResultJson").HasConversion(JsonColumn.Converter<TrainingSummary?>());
        job.Property(j => j.Stage).HasMaxLength(200);
        job.Property(j => j.Error).HasMaxLength(TrainingJob.MaxErrorLength);
        job.Property(j => j.QueueJobId).HasMaxLength(64).IsUnicode(false);
        job.HasIndex(j => j.CreatedAt);
        job.HasMany(j => j.Epochs).WithOne().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        job.HasMany(j => j.AttemptHistory).WithOne().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
