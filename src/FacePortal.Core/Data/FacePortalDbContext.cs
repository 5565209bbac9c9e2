using FacePortal.Core.Applications;
using FacePortal.Core.Feedback;

namespace FacePortal.Core.Data;

/// <summary>
/// People, photos, faces and the audit trail. Each database provider has a subclass that
/// owns its migrations (<see cref="Sqlite.SqliteFacePortalDbContext"/>,
/// <see cref="SqlServer.SqlServerFacePortalDbContext"/>, <see cref="Postgres.PostgresFacePortalDbContext"/>); code depends on this type only.
/// </summary>
public abstract class FacePortalDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__FacePortalMigrations";

    public DbSet<Gallery> Galleries => Set<Gallery>();

    public DbSet<ApplicationKeyGallery> ApplicationKeyGalleries => Set<ApplicationKeyGallery>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Photo> Photos => Set<Photo>();

    public DbSet<EnrolledFace> Faces => Set<EnrolledFace>();

    public DbSet<NegativeExample> NegativeExamples => Set<NegativeExample>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<TrainingJob> TrainingJobs => Set<TrainingJob>();

    public DbSet<TrainingEpoch> TrainingEpochs => Set<TrainingEpoch>();

    public DbSet<TrainingAttempt> TrainingAttempts => Set<TrainingAttempt>();

    public DbSet<TrainedModel> TrainedModels => Set<TrainedModel>();

    public DbSet<RetrainSchedule> RetrainSchedules => Set<RetrainSchedule>();

    public DbSet<RetrainDecision> RetrainDecisions => Set<RetrainDecision>();

    public DbSet<ApplicationKey> ApplicationKeys => Set<ApplicationKey>();

    public DbSet<Recognition.RecognitionSettings> RecognitionSettings => Set<Recognition.RecognitionSettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        // Each entity's mapping lives in Configurations/, one file per entity.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FacePortalDbContext).Assembly);
    }
}
