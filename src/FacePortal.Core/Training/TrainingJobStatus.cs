namespace FacePortal.Core.Training;

public enum TrainingJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
