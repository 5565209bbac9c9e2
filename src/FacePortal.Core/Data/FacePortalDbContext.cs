using FacePortal.Core.Auditing;
using FacePortal.Core.People;
using FacePortal.Core.Training;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Data;

/// <summary>
/// People, photos, faces and the audit trail. Each database provider has a subclass that
/// owns its migrations (<see cref="Sqlite.SqliteFacePortalDbContext"/>,
/// <see cref="SqlServer.SqlServerFacePortalDbContext"/>); code depends on this type only.
/// </summary>
public abstract class FacePortalDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__FacePortalMigrations";

    public DbSet<Person> People => Set<Person>();

    public DbSet<Photo> Photos => Set<Photo>();

    public DbSet<EnrolledFace> Faces => Set<EnrolledFace>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<TrainingJob> TrainingJobs => Set<TrainingJob>();

    public DbSet<TrainingEpoch> TrainingEpochs => Set<TrainingEpoch>();

    public DbSet<TrainedModel> TrainedModels => Set<TrainedModel>();

    public DbSet<RetrainSchedule> RetrainSchedules => Set<RetrainSchedule>();

    public DbSet<RetrainDecision> RetrainDecisions => Set<RetrainDecision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Person>(person =>
        {
            person.Property(p => p.Name).HasMaxLength(Person.MaxNameLength);
            person.HasIndex(p => p.Name);
            person.HasMany(p => p.Photos).WithOne(p => p.Person).HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);

            // Faces also hang off their photo; SQL Server refuses two cascade paths, so this one is the application's job.
            person.HasMany(p => p.Faces).WithOne(f => f.Person).HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.ClientCascade);
        });

        modelBuilder.Entity<Photo>(photo =>
        {
            photo.Property(p => p.ContentHash).HasMaxLength(64).IsUnicode(false);
            photo.Property(p => p.FileName).HasMaxLength(Photo.MaxFileNameLength);
            photo.Property(p => p.ContentType).HasMaxLength(64).IsUnicode(false);
            photo.Property(p => p.Warning).HasMaxLength(500);
            photo.HasIndex(p => p.ContentHash);
            photo.HasIndex(p => new { p.PersonId, p.ContentHash }).IsUnique();
            photo.HasMany(p => p.Faces).WithOne(f => f.Photo).HasForeignKey(f => f.PhotoId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EnrolledFace>(face =>
        {
            face.ToTable("Faces");
            face.Property(f => f.CropHash).HasMaxLength(64).IsUnicode(false);
            face.HasIndex(f => f.CropHash);
            face.Ignore(f => f.Box);
            face.Ignore(f => f.Quality);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(64).IsUnicode(false);
            entry.Property(e => e.SubjectId).HasMaxLength(64).IsUnicode(false);
            entry.Property(e => e.Details).HasMaxLength(2000);
            entry.HasIndex(e => e.At);
        });

        modelBuilder.Entity<TrainingJob>(job =>
        {
            job.Property(j => j.RequestedBy).HasMaxLength(256);
            job.Property(j => j.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
            job.Property(j => j.Stage).HasMaxLength(200);
            job.Property(j => j.Error).HasMaxLength(TrainingJob.MaxErrorLength);
            job.Property(j => j.QueueJobId).HasMaxLength(64).IsUnicode(false);
            job.HasIndex(j => j.CreatedAt);
            job.HasMany(j => j.Epochs).WithOne().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TrainingEpoch>().HasKey(e => new { e.JobId, e.Epoch });

        modelBuilder.Entity<TrainedModel>(model =>
        {
            model.Property(m => m.Kind).HasMaxLength(16).IsUnicode(false);
            model.HasIndex(m => m.JobId);
            model.HasOne<TrainingJob>().WithMany().HasForeignKey(m => m.JobId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RetrainSchedule>(schedule =>
        {
            schedule.Property(s => s.Id).ValueGeneratedNever();
            schedule.Property(s => s.Cron).HasMaxLength(100).IsUnicode(false);
            schedule.Property(s => s.UpdatedBy).HasMaxLength(256);
        });

        modelBuilder.Entity<RetrainDecision>(decision =>
        {
            decision.Property(d => d.Outcome).HasMaxLength(16).IsUnicode(false);
            decision.Property(d => d.Reason).HasMaxLength(1000);
            decision.HasIndex(d => d.At);
        });
    }
}
