namespace FacePortal.Core.Data.Configurations;

internal sealed class TrainingEpochConfiguration : IEntityTypeConfiguration<TrainingEpoch>
{
    public void Configure(EntityTypeBuilder<TrainingEpoch> epoch) => epoch.HasKey(e => new { e.JobId, e.Epoch });
}
