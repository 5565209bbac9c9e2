namespace FacePortal.Core.Feedback;

public enum MarkFailure
{
    None,

    /// <summary>No such person.</summary>
    PersonNotFound,

    /// <summary>The photo has no face, or not the one asked for.</summary>
    NoSuchFace,

    /// <summary>Several faces and the request did not say which.</summary>
    WhichFace,
}

/// <summary>How marking a face "not this person" ended: the stored example, or why not and the faces the photo has.</summary>
public sealed record MarkResult(NegativeExampleSummary? Marked, MarkFailure Failure, string Message, IReadOnlyList<FaceBox> Faces)
{
    public bool Succeeded => Marked is not null;

    public static MarkResult Failed(MarkFailure failure, string message, IReadOnlyList<FaceBox>? faces = null) => new(null, failure, message, faces ?? []);
}
