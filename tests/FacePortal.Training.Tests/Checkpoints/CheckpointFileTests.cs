using System.IO.Compression;
using System.Text.Json;
using FacePortal.Shared.Search;
using FacePortal.Training.Checkpoints;
using FacePortal.Training.Heads;
using FacePortal.Training.Metric;
using FacePortal.Training.Tests.Transfer;
using FacePortal.Training.Transfer;

namespace FacePortal.Training.Tests.Checkpoints;

/// <summary>The one checkpoint format: versioned and with its kind, and files of the first format (before the envelope) still load.</summary>
public sealed class CheckpointFileTests
{
    private const int Dimensions = 16;

    [Fact]
    public void A_head_file_says_its_format_and_kind()
    {
        using var head = TrainedHead();

        var file = head.ToBytes();

        using var zip = new ZipArchive(new MemoryStream(file));
        Assert.Equal(["checkpoint.json", "classifier.bin", "weights.bin"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(zip.GetEntry("checkpoint.json")!.Open());
        Assert.Equal(2, json.RootElement.GetProperty("FormatVersion").GetInt32());
        Assert.Equal("TransferHead", json.RootElement.GetProperty("Kind").GetString());
        Assert.Equal(["a", "b", "c"], json.RootElement.GetProperty("Info").GetProperty("Classes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void A_head_file_of_the_first_format_still_loads_and_predicts_the_same()
    {
        using var head = TrainedHead();
        var legacy = FirstFormat("head.json", JsonSerializer.Serialize(head.Info), head.Weights, ClassifierHead.CheckpointEntry, head.Classifier.ToBytes());

        using var loaded = HeadCheckpoint.Load(new MemoryStream(legacy));

        Assert.Equal(head.Info with { Classes = [] }, loaded.Info with { Classes = [] });
        Assert.Equal(head.Info.Classes, loaded.Info.Classes);
        var validation = FeatureClusters.Make(3, 10, 0.3, 2, Dimensions);
        AssertSamePredictions(head, loaded, validation);

        // Saved again, it is written in the current format.
        using var again = HeadCheckpoint.Load(new MemoryStream(loaded.ToBytes()));
        AssertSamePredictions(head, again, validation);
    }

    [Fact]
    public void A_metric_file_of_either_format_loads_and_is_never_taken_for_a_head()
    {
        var metric = TrainedMetric();
        var legacy = FirstFormat("metric.json", JsonSerializer.Serialize(metric.Info), metric.Weights, EmbeddingProjection.CheckpointEntry, metric.Projection.ToBytes());

        var fromLegacy = MetricCheckpoint.Load(legacy);
        var fromCurrent = MetricCheckpoint.Load(metric.ToBytes());

        foreach (var loaded in new[] { fromLegacy, fromCurrent })
        {
            Assert.Equal(metric.Info with { People = [] }, loaded.Info with { People = [] });
            Assert.Equal(metric.Info.People, loaded.Info.People);
            Assert.Equal(metric.Weights, loaded.Weights);
            Assert.Equal(metric.Projection.Project(Row(0)), loaded.Projection.Project(Row(0)));
        }

        var refused = Assert.Throws<InvalidDataException>(() => HeadCheckpoint.Load(new MemoryStream(metric.ToBytes())));
        Assert.Equal("This model file holds a MetricProjection checkpoint, not a TransferHead one.", refused.Message);
        Assert.Throws<InvalidDataException>(() => HeadCheckpoint.Load(new MemoryStream(legacy)));
    }

    [Fact]
    public void A_file_of_a_newer_format_is_refused_with_a_sentence()
    {
        using var head = TrainedHead();
        var envelope = JsonSerializer.Serialize(new { FormatVersion = 3, Kind = "TransferHead", Info = head.Info });
        var file = FirstFormat("checkpoint.json", envelope, head.Weights, ClassifierHead.CheckpointEntry, head.Classifier.ToBytes());

        var refused = Assert.Throws<InvalidDataException>(() => HeadCheckpoint.Load(new MemoryStream(file)));

        Assert.Equal("The model file is of format 3; this version of FacePortal reads up to 2.", refused.Message);
    }

    private static void AssertSamePredictions(HeadCheckpoint expected, HeadCheckpoint actual, FacePortal.Training.Features.FeatureSet features)
    {
        var (expectedLabels, expectedProbabilities) = expected.Predict(features);
        var (actualLabels, actualProbabilities) = actual.Predict(features);
        Assert.Equal(expectedLabels, actualLabels);
        Assert.Equal(expectedProbabilities, actualProbabilities);
    }

    private static HeadCheckpoint TrainedHead()
    {
        var train = FeatureClusters.Make(3, 30, 0.3, 1, Dimensions);
        var validation = FeatureClusters.Make(3, 10, 0.3, 2, Dimensions);
        var result = HeadTrainer.Train(train, validation, 3, new HeadTrainingOptions { Epochs = 5, HiddenSize = 32 }, cancellationToken: TestContext.Current.CancellationToken);
        var best = result.Epochs.Single(e => e.Epoch == result.BestEpoch);
        return HeadCheckpoint.FromWeights(
            new HeadCheckpointInfo(["a", "b", "c"], Dimensions, 32, 0.3, best.Epoch, best.ValidationLoss, best.ValidationAccuracy, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)),
            result.BestWeights);
    }

    private static MetricCheckpoint TrainedMetric()
    {
        var train = FeatureClusters.Make(4, 12, 0.3, 1, Dimensions);
        var validation = FeatureClusters.Make(4, 4, 0.3, 2, Dimensions);
        var result = MetricTrainer.Train(train, validation, new MetricTrainingOptions { OutputSize = 8, PeoplePerBatch = 4, FacesPerPerson = 3 }, new HeadTrainingOptions { Epochs = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        var projection = MetricTrainer.ToProjection(result.BestWeights, Dimensions, 8, 0.5f);
        var best = result.Epochs.Single(e => e.Epoch == result.BestEpoch);
        return new MetricCheckpoint(
            new MetricCheckpointInfo(["a", "b", "c", "d"], Dimensions, 8, best.Epoch, best.ValidationLoss, best.ValidationAccuracy, 0.5f, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)),
            result.BestWeights,
            projection);
    }

    private static float[] Row(int i) => FeatureClusters.Make(4, 1, 0.3, 3, Dimensions).Row(i).ToArray();

    /// <summary>A zip as the first format wrote it (what <c>HeadCheckpoint.Save</c> and <c>MetricCheckpoint.Save</c> did before the envelope): the description, the weights and the portable entry.</summary>
    private static byte[] FirstFormat(string descriptionEntry, string description, byte[] weights, string portableEntry, byte[] portable)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry(descriptionEntry).Open()))
            {
                writer.Write(description);
            }

            using (var entry = zip.CreateEntry("weights.bin").Open())
            {
                entry.Write(weights);
            }

            using var portableEntryStream = zip.CreateEntry(portableEntry).Open();
            portableEntryStream.Write(portable);
        }

        return file.ToArray();
    }
}
