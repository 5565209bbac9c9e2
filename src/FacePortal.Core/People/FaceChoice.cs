namespace FacePortal.Core.People;

/// <summary>
/// Which face of a photo to enroll when it holds more than one. Without a choice a group photo is not
/// enrolled (<see cref="EnrollmentStatus.NeedsFaceChoice"/>): the face nearest the centre of a group
/// selfie is as likely a stranger as the person.
/// </summary>
public abstract record FaceChoice
{
    /// <summary>A box counts as naming a face when they overlap by at least this much (intersection over union).</summary>
    public const float MinBoxOverlap = 0.5f;

    private FaceChoice()
    {
    }

    /// <summary>The face at this position in <see cref="EnrollmentResult.Faces"/> (the detector's order, best score first).</summary>
    public static FaceChoice AtIndex(int index) => new ByIndex(index);

    /// <summary>The face whose box overlaps this one most, if by at least <see cref="MinBoxOverlap"/>.</summary>
    public static FaceChoice ByBox(FaceBox box) => new Boxed(box);

    /// <summary>
    /// The primary face (largest, near the centre): the face the webcam preview highlights while
    /// the admin captures, so the admin has already seen and accepted it.
    /// </summary>
    public static FaceChoice Highlighted { get; } = new Primary();

    /// <summary>
    /// The face whose box overlaps <paramref name="box"/> most, if by at least <see cref="MinBoxOverlap"/>: the one rule for
    /// a caller's box, whether it chooses a face to enroll or one to mark "not this person".
    /// </summary>
    public static FaceAnalysis? Overlapping(IReadOnlyList<FaceAnalysis> faces, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var best = faces.MaxBy(f => f.Box.IntersectionOverUnion(box));
        return best is not null && best.Box.IntersectionOverUnion(box) >= MinBoxOverlap ? best : null;
    }

    /// <summary>The chosen face among <paramref name="analysis"/>'s faces, or null when none matches.</summary>
    internal abstract FaceAnalysis? Pick(OnePersonAnalysis analysis);

    /// <summary>Why nothing matched, for the admin.</summary>
    internal abstract string Unmatched(int facesFound);

    /// <summary>What the admin should check about a face picked this way from a group photo, or null.</summary>
    internal virtual string? Warning(OnePersonAnalysis analysis) => null;

    /// <summary>
    /// Parses an HTTP request's choice: <paramref name="face"/> an index, <paramref name="box"/> "left,top,right,bottom"
    /// in photo pixels. Null with no problem when neither is given.
    /// </summary>
    public static (FaceChoice? Choice, string? Problem) Parse(string? face, string? box)
    {
        if (!string.IsNullOrWhiteSpace(face) && !string.IsNullOrWhiteSpace(box))
        {
            return (null, "Give either face (an index) or box, not both.");
        }

        if (!string.IsNullOrWhiteSpace(face))
        {
            return int.TryParse(face.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? (AtIndex(index), null)
                : (null, $"face must be a face's index (0, 1, ...), not '{face}'.");
        }

        if (!string.IsNullOrWhiteSpace(box))
        {
            return ParseBox(box) is { } parsed
                ? (ByBox(parsed), null)
                : (null, $"box must be \"left,top,right,bottom\" in photo pixels with right > left and bottom > top, not '{box}'.");
        }

        return (null, null);
    }

    /// <summary>"left,top,right,bottom" in photo pixels, finite, with right > left and bottom > top; null otherwise.</summary>
    public static FaceBox? ParseBox(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new float[4];
        if (parts.Length != 4 || parts.Select((p, i) => float.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out values[i])).Any(ok => !ok)
            || values.Any(v => !float.IsFinite(v)) || values[2] <= values[0] || values[3] <= values[1])
        {
            return null;
        }

        return new FaceBox(values[0], values[1], values[2], values[3]);
    }

    private sealed record ByIndex(int Index) : FaceChoice
    {
        internal override FaceAnalysis? Pick(OnePersonAnalysis analysis) =>
            Index >= 0 && Index < analysis.Faces.Count ? analysis.Faces[Index] : null;

        internal override string Unmatched(int facesFound) =>
            $"There is no face {Index} in this photo; it holds {facesFound} face(s), numbered from 0.";
    }

    private sealed record Boxed(FaceBox Box) : FaceChoice
    {
        internal override FaceAnalysis? Pick(OnePersonAnalysis analysis) => Overlapping(analysis.Faces, Box);

        internal override string Unmatched(int facesFound) =>
            $"No face of this photo overlaps the given box by at least {MinBoxOverlap:0.0#} (intersection over union).";
    }

    private sealed record Primary : FaceChoice
    {
        internal override FaceAnalysis? Pick(OnePersonAnalysis analysis) => analysis.Primary;

        internal override string? Warning(OnePersonAnalysis analysis) =>
            $"{analysis.Faces.Count} faces were found; the highlighted one ({(analysis.PrimaryIsLargest ? "the largest" : "nearest the centre")}) was enrolled.";

        internal override string Unmatched(int facesFound) => "No face was found in this photo.";
    }
}
