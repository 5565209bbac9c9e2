namespace FacePortal.Shared.Faces.Quality;

/// <summary>Signals enrollment uses to accept or reject a face.</summary>
/// <param name="SizePixels">Shorter side of the face box, in original-image pixels.</param>
/// <param name="Sharpness">Variance of the Laplacian of the aligned grey crop; blurred faces score low (under about 50).</param>
/// <param name="Brightness">Mean grey level of the aligned crop's centre, 0..255.</param>
/// <param name="Frontalness">1 for a frontal face, towards 0 as the head turns (left/right symmetry of eyes about the nose).</param>
/// <param name="RollDegrees">In-plane tilt of the eye line.</param>
public sealed record FaceQuality(float SizePixels, float Sharpness, float Brightness, float Frontalness, float RollDegrees);
