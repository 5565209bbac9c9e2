namespace FacePortal.Shared.Faces.Detection;

/// <summary>One detected face: its box (in the coordinates of the image it was found in) and score.</summary>
public readonly record struct FaceDetection(FaceBox Box, float Score);
