namespace FacePortal.Core.Data.Configurations;

internal sealed class TrainedModelConfiguration : IEntityTypeConfiguration<TrainedModel>
{
    public void Configure(EntityTypeBuilder<TrainedModel> model)
    {
        model.Property(m => m.Kind).HasMaxLength(16).IsUnicode(false);
        model.HasIndex(m => m.JobId);
        model.HasOne<TrainingJob>().WithMany().HasForeignKey(m => m.JobId).OnDelete(DeleteBehavior.Cascade);

        // Deleting a gallery deletes its people and with them their models (PeopleService); the cascade is the database's backstop.
        model.HasOne<Gallery>().WithMany().HasForeignKey(m => m.GalleryId).OnDelete(DeleteBehavior.Cascade);
        model.HasIndex(m => new { m.GalleryId, m.IsActive });
    }
}
