namespace FacePortal.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.Name).HasMaxLength(Person.MaxNameLength);
        person.HasIndex(p => p.Name);

        // Names are unique within a gallery. PeopleService also refuses names that differ only in case (in every script).
        person.HasIndex(p => new { p.GalleryId, p.Name }).IsUnique();
        person.HasMany(p => p.Photos).WithOne(p => p.Person).HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);

        // Faces also hang off their photo; SQL Server refuses two cascade paths, so this one is the application's job.
        person.HasMany(p => p.Faces).WithOne(f => f.Person).HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.ClientCascade);
    }
}
