namespace FacePortal.Shared.Models;

/// <summary>The model files the pipeline loads, by role.</summary>
public static class ModelFile
{
    public const string Detector = "fr_detect.onnx";
    public const string Landmarks = "fr_landmark.onnx";
    public const string Embedder = "fr_feature.onnx";

    /// <summary>Face attribute models, loaded on first use by <c>FaceAttributeAnalyzer</c>.</summary>
    public const string Pose = "fr_pose.onnx";
    public const string Age = "fr_age.onnx";
    public const string Gender = "fr_gender.onnx";
    public const string Expression = "fr_expression.onnx";
    public const string Eye = "fr_eye.onnx";
    public const string Liveness = "fr_liveness.onnx";
}
