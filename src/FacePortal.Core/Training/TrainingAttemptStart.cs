namespace FacePortal.Core.Training;

/// <summary>What a worker gets when it starts a job: the request to run and the number of its attempt (which fences off older ones).</summary>
public sealed record TrainingAttemptStart(TrainingRequest Request, int Attempt);
