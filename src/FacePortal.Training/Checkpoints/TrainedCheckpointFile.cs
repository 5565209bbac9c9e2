namespace FacePortal.Training.Checkpoints;

public static class TrainedCheckpointFile
{
    /// <summary>The checkpoint file (<see cref="CheckpointFile"/>) as bytes, as our database keeps it.</summary>
    public static byte[] ToBytes(this ITrainedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var file = new MemoryStream();
        checkpoint.Save(file);
        return file.ToArray();
    }
}
