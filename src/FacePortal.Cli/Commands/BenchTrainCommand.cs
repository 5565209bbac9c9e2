using System.Diagnostics;
using FacePortal.Training.Augmentation;
using FacePortal.Training.Data;
using FacePortal.Training.Features;
using FacePortal.Training.Transfer;

namespace FacePortal.Cli.Commands;

/// <summary>
/// bench-train: the wall time of a training job of --people x --faces faces with --copies augmented
/// copies each, split into feature extraction and head training. Our photo sets hold 2 to 8 photos
/// per person, so each person's faces are their real aligned photos plus seeded variations of them
/// up to --faces: the timing is real, the accuracy is flattering and printed only for completeness.
/// </summary>
public static class BenchTrainCommand
{
    public static int Run(CommandArguments args, TextWriter output)
    {
        var images = args.Required("images");
        var people = args.Int("people", 5);
        var perPerson = args.Int("faces", 40);
        var copies = args.Int("copies", new TransferRunOptions().AugmentedCopies);
        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            var groups = PairIdentities.Groups(LabelledPair.ReadCsv(Path.Combine(images, "master.csv"))).Take(people)
                .Select((files, i) => ($"person{i}", (IReadOnlyList<string>)files.Select(f => Path.Combine(images, f)).ToList())).ToList();
            var (real, _) = FolderDataset.FromGroups(pipeline, groups);
            var faces = new List<LabelledFace>();
            for (var label = 0; label < real.Classes.Count; label++)
            {
                var own = real.Faces.Where(f => f.Label == label).ToList();
                for (var k = 0; k < perPerson; k++)
                {
                    var source = own[k % own.Count];
                    faces.Add(k < own.Count ? source : source with { Face = FaceAugmenter.Augment(source.Face, new AugmentationOptions { MaskProbability = 0 }, new Random((label * 1000) + k)) });
                }
            }

            var dataset = new FaceDataset(real.Classes, faces);
            var options = new TransferRunOptions { AugmentedCopies = copies };
            output.WriteLine($"{dataset.Classes.Count} people x {perPerson} faces ({real.Faces.Count} real photos, the rest variations of them), {copies} augmented copies per training face; {MachineInfo.Describe()}");
            var started = Stopwatch.GetTimestamp();
            using var result = new TransferRun(new FeatureExtractor(pipeline.Embedder)).Run(dataset, null, options);
            var wall = Stopwatch.GetElapsedTime(started);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wall time {wall.TotalSeconds:0.0} s: feature extraction {result.FeatureExtraction.TotalSeconds:0.0} s ({result.TrainSamples + (2 * result.ValidationFaces)} embeddings), head training {result.HeadTraining.TotalSeconds:0.0} s ({result.Training.Epochs.Count} epochs)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Validation accuracy {result.Validation.Accuracy:P1} (not a fair figure: validation faces are variations of training photos)"));
        }

        return 0;
    }
}
