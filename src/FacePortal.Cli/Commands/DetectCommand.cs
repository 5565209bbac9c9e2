using FacePortal.Shared.Imaging;

namespace FacePortal.Cli.Commands;

/// <summary>detect --images DIR [--out DIR]: faces and boxes per image, with annotated copies on request.</summary>
public static class DetectCommand
{
    public static int Run(CommandArguments args, TextWriter output)
    {
        var files = ImageFolder.List(args.Required("images"));
        var outDir = args.Optional("out");
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                try
                {
                    using var image = pipeline.Decoder.Decode(File.ReadAllBytes(file));
                    var faces = pipeline.Analyze(image);
                    output.WriteLine($"{name}: {faces.Count} face(s) [{image.OriginalWidth}x{image.OriginalHeight}]");
                    foreach (var face in faces)
                    {
                        var b = face.Box;
                        output.WriteLine($"  box ({b.Left:0},{b.Top:0})-({b.Right:0},{b.Bottom:0}) score {face.Score:0.000} size {face.Quality.SizePixels:0}px sharpness {face.Quality.Sharpness:0} brightness {face.Quality.Brightness:0} frontal {face.Quality.Frontalness:0.00}");
                    }

                    if (outDir is not null)
                    {
                        File.WriteAllBytes(
                            Path.Combine(outDir, Path.GetFileNameWithoutExtension(name) + ".annotated.png"),
                            FaceAnnotator.Annotate(image, faces));
                    }
                }
                catch (ImageDecodeException ex)
                {
                    output.WriteLine($"{name}: unreadable: {ex.Message}");
                }
            }
        }

        return 0;
    }
}
