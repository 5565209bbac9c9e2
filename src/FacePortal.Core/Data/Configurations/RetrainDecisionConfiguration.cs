namespace FacePortal.Core.Data.Configurations;

internal sealed class RetrainDecisionConfiguration : IEntityTypeConfiguration<RetrainDecision>
{
    public void Configure(EntityTypeBuilder<RetrainDecision> decision)
    {
        decision.Property(d => d.Outcome).HasMaxLength(16).IsUnicode(false);
        decision.Property(d => d.Reason).HasMaxLength(1000);
        decision.HasIndex(d => new { d.GalleryId, d.At });
        decision.HasOne<Gallery>().WithMany().HasForeignKey(d => d.GalleryId).OnDelete(DeleteBehavior.Cascade);
    }
}
