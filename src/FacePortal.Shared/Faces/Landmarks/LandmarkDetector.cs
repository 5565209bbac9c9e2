using Microsoft.ML.OnnxRuntime.Tensors;

namespace FacePortal.Shared.Faces.Landmarks;

/// <summary>68-point landmarks from a 64x64 grey crop: a square whose side is the box height, centred on the box.</summary>
public sealed class LandmarkDetector(FaceModels models)
{
    public const int InputSize = 64;

    private readonly InferenceSession _session = models[ModelFile.Landmarks];

    /// <summary>The draw of the model's input: the square of side box height centred on the box, onto 64x64.</summary>
    internal static ImageDraw CropOf(FaceBox box)
    {
        var side = box.Height;
        var s = InputSize / side;
        var left = box.CenterX - (side / 2);
        var top = box.CenterY - (side / 2);
        return new ImageDraw(new SKMatrix(s, 0, -left * s, 0, s, -top * s, 0, 0, 1), InputSize, InputSize);
    }

    /// <summary>Landmarks in the image's working coordinates.</summary>
    public FaceLandmarks Detect(DecodedImage image, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(image);
        var side = box.Height;
        var left = box.CenterX - (side / 2);
        var top = box.CenterY - (side / 2);

        using var input = OrtValue.CreateAllocatedTensorValue(
            OrtAllocator.DefaultInstance, TensorElementType.Float, [1, 1, InputSize, InputSize]);
        var tensor = input.GetTensorMutableDataAsSpan<float>();
        using (var crop = new SKBitmap(new SKImageInfo(InputSize, InputSize, SKColorType.Rgba8888, SKAlphaType.Premul)))
        {
            using (var canvas = new SKCanvas(crop))
            {
                canvas.Clear(SKColors.Black);
                image.DrawTransformed(canvas, CropOf(box).Matrix);
            }

            // The model was trained on grey levels divided by 256.
            TensorPacking.RgbaToGray(crop.GetPixelSpan(), tensor, 1f / 256f);
        }

        using var runOptions = new RunOptions();

        using var outputs = _session.Run(runOptions, ["input"], [input], ["output"]);
        var output = outputs[0].GetTensorDataAsSpan<float>();
        var points = new Vector2[FaceLandmarks.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new Vector2(left + (output[2 * i] * side), top + (output[(2 * i) + 1] * side));
        }

        return new FaceLandmarks(points);
    }
}
