namespace FacePortal.Core.Training;

public enum TrainingAttemptOutcome
{
    Running,
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>The worker was stopped (SIGTERM) and gave the job back to the queue.</summary>
    HandedBack,

    /// <summary>The worker vanished (killed, crashed) without a word; the next attempt found this one unfinished.</summary>
    Lost,

    /// <summary>A newer attempt took the job over while this one still ran; its results were discarded.</summary>
    Superseded,
}
