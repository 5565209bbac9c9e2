namespace FacePortal.Training.Data;

/// <summary>Aligned faces of a fixed list of people; a face's label is its person's index in <see cref="Classes"/>.</summary>
public sealed record FaceDataset(IReadOnlyList<string> Classes, IReadOnlyList<LabelledFace> Faces)
{
    public int CountOf(int label) => Faces.Count(f => f.Label == label);
}
