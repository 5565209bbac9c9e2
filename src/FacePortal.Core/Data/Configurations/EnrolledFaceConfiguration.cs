namespace FacePortal.Core.Data.Configurations;

internal sealed class EnrolledFaceConfiguration : IEntityTypeConfiguration<EnrolledFace>
{
    public void Configure(EntityTypeBuilder<EnrolledFace> face)
    {
        face.ToTable("Faces");
        face.Property(f => f.CropHash).HasMaxLength(64).IsUnicode(false);
        face.HasIndex(f => f.CropHash);
        face.Ignore(f => f.Box);
        face.Ignore(f => f.Quality);
    }
}
