namespace FacePortal.Core.Training.Kinds;

/// <summary>The registered kinds of training, by <see cref="ModelKind"/>; every kind must have one (checked when built).</summary>
public sealed class TrainingKinds
{
    private readonly Dictionary<ModelKind, ITrainingKind> _kinds;

    public TrainingKinds(IEnumerable<ITrainingKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        _kinds = kinds.ToDictionary(k => k.Kind);
        var missing = Enum.GetValues<ModelKind>().Where(k => !_kinds.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No training is registered for {string.Join(", ", missing)}.");
        }
    }

    public ITrainingKind For(ModelKind kind) =>
        _kinds.TryGetValue(kind, out var training) ? training : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind.");
}
