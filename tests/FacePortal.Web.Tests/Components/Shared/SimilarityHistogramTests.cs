using Bunit;
using FacePortal.Web.Components.Shared;

namespace FacePortal.Web.Tests.Components.Shared;

public sealed class SimilarityHistogramTests : BunitContext
{
    [Fact]
    public void Draws_both_series_and_the_threshold_line_where_the_threshold_is()
    {
        var plot = Render<SimilarityHistogram>(p => p
            .Add(c => c.Genuine, [0.7f, 0.75f, 0.8f])
            .Add(c => c.Impostor, [0.1f, 0.15f, 0.2f, 0.25f])
            .Add(c => c.Threshold, 0.4f));

        // -0.2..1 over x 10..630: 0.4 is half way, at 320.
        var line = plot.Find(".threshold-line");
        Assert.Equal(("320", "320"), (line.GetAttribute("x1"), line.GetAttribute("x2")));
        Assert.NotEmpty(plot.Find(".genuine-bars").GetAttribute("d")!);
        Assert.NotEmpty(plot.Find(".impostor-bars").GetAttribute("d")!);
        Assert.Contains("3 genuine and 4 impostor similarities with the threshold at 0.400", plot.Find("svg").GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Contains("threshold 0.400", plot.Find("svg").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_series_draws_no_bars()
    {
        var plot = Render<SimilarityHistogram>(p => p
            .Add(c => c.Genuine, [])
            .Add(c => c.Impostor, [0.2f])
            .Add(c => c.Threshold, 0.5f));

        Assert.Equal(string.Empty, plot.Find(".genuine-bars").GetAttribute("d") ?? string.Empty);
        Assert.StartsWith("M", plot.Find(".impostor-bars").GetAttribute("d"), StringComparison.Ordinal);
    }
}
