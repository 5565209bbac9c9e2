namespace FacePortal.Shared.Faces.Attributes;

/// <summary>The face attributes a caller asks for; each runs its own model, so only what is asked costs time.</summary>
[Flags]
public enum FacePlugins
{
    None = 0,
    Pose = 1,
    Age = 2,
    Gender = 4,
    Expression = 8,
    Eyes = 16,

    /// <summary>Experimental: see the liveness measurements in docs/models.md before relying on it.</summary>
    Liveness = 32,
}
