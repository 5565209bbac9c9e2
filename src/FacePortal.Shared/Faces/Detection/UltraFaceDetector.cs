using Microsoft.ML.OnnxRuntime.Tensors;

namespace FacePortal.Shared.Faces.Detection;

/// <summary>
/// The UltraFace RFB-320 detector. The image is letterboxed into the 320x240 input
/// (aspect kept, neutral grey padding), so faces in portrait or panoramic photos keep
/// their shape; boxes are mapped back through the same scale and offset.
/// </summary>
public sealed class UltraFaceDetector(FaceModels models, DetectorOptions options)
{
    public const int InputWidth = 320;
    public const int InputHeight = 240;
    private const float Mean = 127f;
    private const float Std = 128f;

    private readonly InferenceSession _session = models[ModelFile.Detector];

    public DetectorOptions Options { get; } = options;

    /// <summary>Faces in <paramref name="image"/>'s working coordinates, best first; <paramref name="scoreThreshold"/> overrides the configured one.</summary>
    public List<FaceDetection> Detect(DecodedImage image, float? scoreThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var letterbox = Letterbox.Fit(image.Width, image.Height, InputWidth, InputHeight);

        using var input = OrtValue.CreateAllocatedTensorValue(
            OrtAllocator.DefaultInstance, TensorElementType.Float, [1, 3, InputHeight, InputWidth]);
        FillInput(image, letterbox, input.GetTensorMutableDataAsSpan<float>());

        using var runOptions = new RunOptions();

        using var outputs = _session.Run(runOptions, ["input"], [input], ["scores", "boxes"]);
        var scores = outputs[0].GetTensorDataAsSpan<float>();
        var boxes = outputs[1].GetTensorDataAsSpan<float>();
        return Decode(scores, boxes, letterbox, image.Width, image.Height, image.ScaleToOriginal, scoreThreshold ?? Options.ScoreThreshold);
    }

    private static void FillInput(DecodedImage image, Letterbox letterbox, Span<float> tensor)
    {
        using var resized = new SKBitmap(new SKImageInfo(InputWidth, InputHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(resized))
        {
            canvas.Clear(new SKColor(127, 127, 127));
            image.DrawTransformed(canvas, new SKMatrix(letterbox.Scale, 0, letterbox.OffsetX, 0, letterbox.Scale, letterbox.OffsetY, 0, 0, 1));
        }

        TensorPacking.RgbaToPlanar(resized.GetPixelSpan(), tensor, Mean, Std);
    }

    internal List<FaceDetection> Decode(
        ReadOnlySpan<float> scores, ReadOnlySpan<float> boxes, Letterbox letterbox, int width, int height, float scaleToOriginal, float scoreThreshold)
    {
        var minSize = Options.MinFaceSize / scaleToOriginal;
        var candidates = new List<FaceDetection>();
        var count = scores.Length / 2;
        for (var i = 0; i < count; i++)
        {
            var score = scores[(2 * i) + 1];
            if (score < scoreThreshold)
            {
                continue;
            }

            var b = boxes.Slice(4 * i, 4);
            var box = letterbox.ToSource(new FaceBox(
                b[0] * InputWidth, b[1] * InputHeight, b[2] * InputWidth, b[3] * InputHeight)).ClipTo(width, height);
            if (box.Width >= minSize && box.Height >= minSize)
            {
                candidates.Add(new FaceDetection(box, score));
            }
        }

        return NonMaxSuppression.Apply(candidates, Options.NmsIouThreshold, Options.MaxFaces);
    }
}
