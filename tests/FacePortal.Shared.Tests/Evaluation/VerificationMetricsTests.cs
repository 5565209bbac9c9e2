using FacePortal.Shared.Evaluation;

namespace FacePortal.Shared.Tests.Evaluation;

public sealed class VerificationMetricsTests
{
    [Fact]
    public void Best_threshold_accuracy_and_auc_match_hand_computed_values()
    {
        // Genuine: 0.9, 0.8, 0.4; impostor: 0.5, 0.3, 0.1.
        VerificationPair[] pairs =
        [
            new(0.9f, true), new(0.8f, true), new(0.4f, true),
            new(0.5f, false), new(0.3f, false), new(0.1f, false),
        ];

        var report = VerificationMetrics.Evaluate(pairs);

        // Threshold between 0.3 and 0.4 gets 5 of 6 right (0.5 is a false accept); so does 0.5..0.8.
        Assert.Equal(5.0 / 6, report.BestAccuracy, 6);
        Assert.InRange(report.BestThreshold, 0.3f, 0.4f);
        // 9 genuine/impostor comparisons, 8 won (0.4 < 0.5 lost).
        Assert.Equal(8.0 / 9, report.RocAuc, 6);
    }

    [Fact]
    public void Ties_count_half_in_the_auc()
    {
        VerificationPair[] pairs = [new(0.5f, true), new(0.5f, false)];
        Assert.Equal(0.5, VerificationMetrics.Evaluate(pairs).RocAuc, 6);
    }

    [Fact]
    public void Tar_at_far_is_reported_only_when_there_are_enough_impostors()
    {
        var pairs = new List<VerificationPair>();
        for (var i = 0; i < 200; i++)
        {
            pairs.Add(new VerificationPair(i / 1000f, false));
        }

        pairs.Add(new VerificationPair(0.9f, true));
        pairs.Add(new VerificationPair(0.15f, true));
        pairs.Add(new VerificationPair(0.1985f, true));

        var report = VerificationMetrics.Evaluate(pairs, 1e-2, 1e-3);

        var tar = Assert.Single(report.TarAtFar);
        Assert.Equal(1e-2, tar.Far);
        // Two false accepts allowed of 200: threshold just above the third highest impostor (0.197).
        Assert.True(tar.Threshold > 0.197f && tar.Threshold < 0.1975f, tar.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2.0 / 3, tar.Tar, 6);
    }

    [Fact]
    public void Reads_the_deepface_pairs_csv()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "file_x,file_y,Decision\nimg1.jpg,img2.jpg,Yes\nimg1.jpg,img3.jpg,No\n");
        try
        {
            var pairs = LabelledPair.ReadCsv(path);
            Assert.Equal([new LabelledPair("img1.jpg", "img2.jpg", true), new LabelledPair("img1.jpg", "img3.jpg", false)], pairs);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bad_decision_names_the_line()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "file_x,file_y,Decision\nimg1.jpg,img2.jpg,Maybe\n");
        try
        {
            var ex = Assert.Throws<FormatException>(() => LabelledPair.ReadCsv(path));
            Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
