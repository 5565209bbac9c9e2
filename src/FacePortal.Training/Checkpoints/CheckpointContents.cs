using System.Text.Json;

namespace FacePortal.Training.Checkpoints;

/// <summary>A checkpoint file as read: its format version, its kind, its kind's description (still JSON) and TorchSharp's weights.</summary>
public sealed record CheckpointContents(int FormatVersion, CheckpointKind Kind, JsonElement Info, byte[] Weights)
{
    /// <summary>The description as the kind's record; refuses, with a sentence, a file of another kind.</summary>
    public T InfoOf<T>(CheckpointKind expected)
    {
        if (Kind != expected)
        {
            throw new InvalidDataException($"This model file holds a {Kind} checkpoint, not a {expected} one.");
        }

        return Info.Deserialize<T>(CheckpointFile.Json) ?? throw new InvalidDataException("The model description is empty.");
    }
}
