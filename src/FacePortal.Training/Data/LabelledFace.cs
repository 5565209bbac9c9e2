using FacePortal.Shared.Faces.Alignment;

namespace FacePortal.Training.Data;

/// <summary>An aligned face crop and the index of its class (person).</summary>
public sealed record LabelledFace(AlignedFace Face, int Label, string Source);
