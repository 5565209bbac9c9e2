using FacePortal.Core.Feedback;

namespace FacePortal.Core.Data.Configurations;

internal sealed class NegativeExampleConfiguration : IEntityTypeConfiguration<NegativeExample>
{
    public void Configure(EntityTypeBuilder<NegativeExample> negative)
    {
        negative.ToTable("NegativeExamples");
        negative.Property(n => n.CropHash).HasMaxLength(64).IsUnicode(false);
        negative.HasIndex(n => n.CropHash);
        negative.Property(n => n.MarkedBy).HasMaxLength(NegativeExample.MaxActorLength);
        negative.Property(n => n.Source).HasMaxLength(16).IsUnicode(false)
            .HasConversion(s => s.Code(), code => NegativeSources.Parse(code));
        negative.Ignore(n => n.Box);

        // The person's only path to these rows, so the database may cascade (PeopleService still removes their crops).
        negative.HasOne(n => n.Person).WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
