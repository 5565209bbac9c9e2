using FacePortal.Core.Training;

namespace FacePortal.Core.Tests.Training;

/// <summary>The job's one progress bar only ever moves forward, across feature extraction and the epochs (issue 22).</summary>
public sealed class JobProgressTests
{
    [Fact]
    public void Extraction_then_epochs_fill_one_bar_that_never_goes_back()
    {
        var progress = new JobProgress();
        var seen = new List<double>
        {
            progress.Extraction(0.1),
            progress.Extraction(0.7),
            progress.Extraction(1),
            progress.Epoch(1, 60),
            progress.Epoch(9, 60),
            progress.Epoch(60, 60),
        };

        Assert.Equal(seen.Order(), seen);
        Assert.Equal(0.7 * JobProgress.ExtractionShare, seen[1], 6);
        Assert.Equal(JobProgress.ExtractionShare + (9 / 60.0 * (1 - JobProgress.ExtractionShare)), seen[4], 6);
        Assert.Equal(1, seen[^1], 6);
    }

    [Fact]
    public void Without_extraction_the_epochs_fill_the_whole_bar()
    {
        var progress = new JobProgress();

        Assert.Equal(0.5, progress.Epoch(30, 60), 6);
        Assert.Equal(1, progress.Epoch(60, 60), 6);
    }

    [Fact]
    public void A_later_lower_report_keeps_the_higher_value()
    {
        var progress = new JobProgress();
        progress.Extraction(1);
        var afterEpoch = progress.Epoch(10, 20);

        // The metric kind extracts a second time (the held-out people) after its epochs.
        Assert.Equal(afterEpoch, progress.Extraction(0.2));
    }
}
