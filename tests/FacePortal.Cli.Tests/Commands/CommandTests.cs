using FacePortal.Cli.Commands;
using FacePortal.TestSupport;

namespace FacePortal.Cli.Tests.Commands;

public sealed class CommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceportal-cli-").FullName;

    [Fact]
    public void Eval_pairs_prints_accuracy_auc_tar_and_threshold()
    {
        var output = new StringWriter();
        var exit = EvalPairsCommand.Run(
            new CommandArguments(["--images", RepoLocations.DeepFace, "--pairs", Path.Combine(RepoLocations.DeepFace, "master.csv"), "--models", RepoLocations.Models]),
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
        File.Copy(Path.Combine(RepoLocations.DeepFace, "couple.jpg"), Path.Combine(images, "couple.jpg"));
        File.WriteAllText(Path.Combine(images, "notes.jpg"), "not an image");
        var outDir = Path.Combine(_work, "out");
        var output = new StringWriter();

        DetectCommand.Run(new CommandArguments(["--images", images, "--out", outDir, "--models", RepoLocations.Models]), output);

        var text = output.ToString();
        Assert.Contains("couple.jpg: 2 face(s) [2280x1588]", text, StringComparison.Ordinal);
        Assert.Contains("notes.jpg: unreadable: The file is not an image we can read.", text, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(outDir, "couple.annotated.png")).Length > 10_000);
    }

    [Fact]
    public void Bench_prints_each_models_setting_the_bare_times_and_the_ratio_for_three_frames()
    {
        var output = new StringWriter();
        var exit = BenchCommand.Run(
            new CommandArguments([
                "--image", Path.Combine(RepoLocations.DeepFace, "img1.jpg"), "--group", Path.Combine(RepoLocations.FaceApiDemo, "sample4.jpg"),
                "--runs", "20", "--seconds", "1", "--models", RepoLocations.Models, "--tuning", "extended"]),
            output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("tuning Extended", text, StringComparison.Ordinal);
        Assert.Matches(@"fr_feature\.onnx\s+EXTENDED \(configured\)", text);
        Assert.Matches(@"Bare sessions .*: detect \d+\.\d\d ms, landmarks \d+\.\d\d ms, embed \d+\.\d\d ms; sum \d+\.\d\d ms", text);
        Assert.Contains("as a 640x480 JPEG", text, StringComparison.Ordinal);
        Assert.Contains("sample4.jpg (1920x1448", text, StringComparison.Ordinal);
        Assert.Contains("4 faces", text, StringComparison.Ordinal);
        Assert.Contains("as a 1280x720 JPEG", text, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(text, @"End-to-end p50 / sum of bare model times: \d+\.\d\d / \d+\.\d\d ms = \d+\.\d\dx").Count);
        Assert.Matches(@"Throughput \(640x480, 1 face\): \d+\.\d faces/s", text);
    }

    [Fact]
    public void An_unknown_tuning_is_refused_with_the_choices()
    {
        var ex = Assert.Throws<CommandLineException>(() => PipelineFactory.Create(new CommandArguments(["--models", RepoLocations.Models, "--tuning", "fastest"])));

        Assert.Contains("auto, off, basic, extended or all", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TorchSharp_loads_its_native_runtime_here()
    {
        var output = new StringWriter();

        Assert.Equal(0, TorchInfoCommand.Run(output));
        Assert.Contains("check sum = 6", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_prints_epochs_accuracy_and_the_confusion_matrix_and_keeps_the_checkpoints()
    {
        var data = Directory.CreateDirectory(Path.Combine(_work, "people")).FullName;
        foreach (var (person, files) in new[] { ("angelina", new[] { "img1.jpg", "img2.jpg", "img4.jpg", "img5.jpg" }), ("other", new[] { "img20.jpg", "img21.jpg" }) })
        {
            var folder = Directory.CreateDirectory(Path.Combine(data, person)).FullName;
            foreach (var file in files)
            {
                File.Copy(Path.Combine(RepoLocations.DeepFace, file), Path.Combine(folder, file));
            }
        }

        File.WriteAllText(Path.Combine(data, "other", "notes.jpg"), "not an image");
        var outDir = Path.Combine(_work, "model");
        var output = new StringWriter();

        var exit = TrainCommand.Run(new CommandArguments(["--data", data, "--epochs", "5", "--copies", "2", "--out", outDir, "--models", RepoLocations.Models]), output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("notes.jpg: The file is not an image we can read.", text, StringComparison.Ordinal);
        Assert.Contains("2 people, 6 faces; training on CPU", text, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+5\s+\d\.\d{4}", text);
        Assert.Matches(@"Best epoch \d: validation accuracy \d+\.\d %", text);
        Assert.Contains("Samples: 4 training faces x 3 = 12; 2 validation faces", text, StringComparison.Ordinal);
        Assert.Contains("Confusion matrix (rows: actual, columns: predicted):", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "best.fphead")) && File.Exists(Path.Combine(outDir, "last.fphead")));
        using (var best = File.OpenRead(Path.Combine(outDir, "best.fphead")))
        using (var checkpoint = FacePortal.Training.Heads.HeadCheckpoint.Load(best))
        {
            Assert.Equal(["angelina", "other"], checkpoint.Info.Classes);
        }

        Assert.Contains("\"BestEpoch\"", File.ReadAllText(Path.Combine(outDir, "metrics.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_scratch_keeps_its_checkpoints_in_the_one_format_when_asked()
    {
        var data = Directory.CreateDirectory(Path.Combine(_work, "scratch")).FullName;
        foreach (var (person, files) in new[] { ("angelina", new[] { "img1.jpg", "img2.jpg", "img4.jpg" }), ("other", new[] { "img20.jpg", "img21.jpg" }) })
        {
            var folder = Directory.CreateDirectory(Path.Combine(data, person)).FullName;
            foreach (var file in files)
            {
                File.Copy(Path.Combine(RepoLocations.DeepFace, file), Path.Combine(folder, file));
            }
        }

        var outDir = Path.Combine(_work, "scratch-model");
        var output = new StringWriter();

        var exit = TrainCommand.Run(new CommandArguments(["--data", data, "--model", "scratch", "--epochs", "2", "--copies", "1", "--out", outDir, "--models", RepoLocations.Models]), output);

        Assert.Equal(0, exit);
        Assert.Contains("Wrote best.fpcnn and last.fpcnn", output.ToString(), StringComparison.Ordinal);
        using var best = File.OpenRead(Path.Combine(outDir, "best.fpcnn"));
        var checkpoint = FacePortal.Training.Scratch.ScratchCheckpoint.Load(best);
        Assert.Equal(["angelina", "other"], checkpoint.Info.Classes);
        Assert.InRange(checkpoint.Epoch, 1, 2);
    }

    [Fact]
    public void Train_triplet_prints_the_one_shot_table_raw_beside_metric()
    {
        var data = Directory.CreateDirectory(Path.Combine(_work, "celeb")).FullName;
        foreach (var folder in Directory.GetDirectories(RepoLocations.Celeb24).Order(StringComparer.Ordinal).Take(6))
        {
            var person = Directory.CreateDirectory(Path.Combine(data, Path.GetFileName(folder))).FullName;
            foreach (var file in Directory.GetFiles(folder, "*.png").Order(StringComparer.Ordinal).Take(5))
            {
                File.Copy(file, Path.Combine(person, Path.GetFileName(file)));
            }
        }

        var output = new StringWriter();

        var exit = TrainCommand.Run(
            new CommandArguments(["--data", data, "--model", "triplet", "--epochs", "2", "--no-augment", "--episodes", "3", "--people-per-batch", "4", "--faces-per-person", "3", "--models", RepoLocations.Models]),
            output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("6 people, ", text, StringComparison.Ordinal);
        Assert.Contains("tested on the other 2, never seen:", text, StringComparison.Ordinal);
        Assert.Matches(@"2-way 1-shot accuracy \(all test people\)\s+\d+\.\d %\s+\d+\.\d %", text);
        Assert.Contains("TAR at FAR 1e-2", text, StringComparison.Ordinal);
        Assert.Matches(@"TAR at FAR 1e-3\s+n/a\s+n/a", text); // Two people's ~45 pairs are too few for a rate of 1e-3.
        Assert.Contains("the metric at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_refuses_a_dataset_with_too_few_faces_and_says_who()
    {
        var data = Directory.CreateDirectory(Path.Combine(_work, "few")).FullName;
        foreach (var (person, file) in new[] { ("a", "img1.jpg"), ("b", "img20.jpg") })
        {
            File.Copy(Path.Combine(RepoLocations.DeepFace, file), Path.Combine(Directory.CreateDirectory(Path.Combine(data, person)).FullName, file));
        }

        var output = new StringWriter();

        var exit = TrainCommand.Run(new CommandArguments(["--data", data, "--models", RepoLocations.Models]), output);

        Assert.Equal(2, exit);
        Assert.Contains("Each person needs at least 2 usable face(s); too few: a (1), b (1).", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
