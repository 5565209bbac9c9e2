namespace FacePortal.Shared.Models;

/// <summary>The model files the pipeline loads, by role.</summary>
public static class ModelFile
{
    public const string Detector = "fr_detect.onnx";
    public const string Landmarks = "fr_landmark.onnx";
    public const string Embedder = "fr_feature.onnx";
}
