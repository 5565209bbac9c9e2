using FacePortal.Shared.Search;

namespace FacePortal.Core.Recognition;

/// <summary>A trained model in use for recognition: its head, the people it names (in class order) and its threshold.</summary>
public sealed record ActiveModel(
    Guid Id,
    Guid JobId,
    string Kind,
    DateTime CreatedAt,
    double ValidationAccuracy,
    float ProbabilityThreshold,
    IReadOnlyList<ModelClass> Classes,
    ClassifierHead Head)
{
    public string Description => $"trained {CreatedAt:yyyy-MM-dd HH:mm} UTC ({Kind}, {ValidationAccuracy:P0} on validation, {Classes.Count} people)";
}

/// <summary>A person a model was trained on.</summary>
public sealed record ModelClass(Guid Id, string Name);
