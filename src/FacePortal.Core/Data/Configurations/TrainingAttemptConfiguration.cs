namespace FacePortal.Core.Data.Configurations;

internal sealed class TrainingAttemptConfiguration : IEntityTypeConfiguration<TrainingAttempt>
{
    public void Configure(EntityTypeBuilder<TrainingAttempt> attempt)
    {
        attempt.HasKey(a => new { a.JobId, a.Number });
        attempt.Property(a => a.Worker).HasMaxLength(TrainingAttempt.MaxWorkerLength);
        attempt.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
    }
}
