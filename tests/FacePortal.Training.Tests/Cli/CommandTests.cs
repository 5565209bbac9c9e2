using FacePortal.Training.Cli;

namespace FacePortal.Training.Tests.Cli;

public sealed class CommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceportal-cli-").FullName;

    [Fact]
    public void Eval_pairs_prints_accuracy_auc_tar_and_threshold()
    {
        var output = new StringWriter();
        var exit = EvalPairsCommand.Run(
            new CommandArguments(["--images", RepoPaths.DeepFace, "--pairs", Path.Combine(RepoPaths.DeepFace, "master.csv"), "--models", RepoPaths.Models]),
            output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("Pairs: 300 scored (38 same, 262 different), 0 skipped", text, StringComparison.Ordinal);
        Assert.Matches(@"Accuracy at best threshold: (99\.\d\d|100\.00) %", text);
        Assert.Matches(@"ROC AUC: (0\.99\d\d|1\.0000)", text);
        Assert.Matches(@"TAR at FAR=0\.01: \d+\.\d\d %", text);
        Assert.Contains("TAR at FAR=0.001: not enough different-person pairs (262 < 1000)", text, StringComparison.Ordinal);
        Assert.Contains("Images without a usable face: none", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_lists_faces_names_unreadable_files_and_writes_annotated_copies()
    {
        var images = Directory.CreateDirectory(Path.Combine(_work, "images")).FullName;
        File.Copy(Path.Combine(RepoPaths.DeepFace, "couple.jpg"), Path.Combine(images, "couple.jpg"));
        File.WriteAllText(Path.Combine(images, "notes.jpg"), "not an image");
        var outDir = Path.Combine(_work, "out");
        var output = new StringWriter();

        DetectCommand.Run(new CommandArguments(["--images", images, "--out", outDir, "--models", RepoPaths.Models]), output);

        var text = output.ToString();
        Assert.Contains("couple.jpg: 2 face(s) [2280x1588]", text, StringComparison.Ordinal);
        Assert.Contains("notes.jpg: unreadable: The file is not an image we can read.", text, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(outDir, "couple.annotated.png")).Length > 10_000);
    }

    [Fact]
    public void TorchSharp_loads_its_native_runtime_here()
    {
        var output = new StringWriter();

        Assert.Equal(0, TorchInfoCommand.Run(output));
        Assert.Contains("check sum = 6", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
