namespace FacePortal.Core.Training;

/// <summary>A gallery's recurring retrain: off by default; when on, it runs on its cron schedule (UTC) and trains that gallery's people.</summary>
public sealed class RetrainSchedule
{
    public Guid GalleryId { get; set; } = Galleries.Gallery.DefaultId;

    public bool Enabled { get; set; }

    /// <summary>Standard five-field cron, UTC (e.g. <c>0 3 * * *</c>: every night at 03:00).</summary>
    public string Cron { get; set; } = "0 3 * * *";

    public string? UpdatedBy { get; set; }

    public DateTime? UpdatedAt { get; set; }
}

/// <summary>What one scheduled run decided, and why; shown on the Training page.</summary>
public sealed class RetrainDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The gallery whose schedule decided.</summary>
    public Guid GalleryId { get; set; } = Galleries.Gallery.DefaultId;

    public DateTime At { get; set; }

    /// <summary><c>skipped</c>, <c>activated</c>, <c>kept</c> or <c>failed</c>.</summary>
    public required string Outcome { get; set; }

    public required string Reason { get; set; }

    public Guid? JobId { get; set; }
}
