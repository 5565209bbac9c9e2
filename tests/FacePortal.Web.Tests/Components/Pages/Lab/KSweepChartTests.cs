using Bunit;
using FacePortal.Web.Lab;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

public sealed class KSweepChartTests : BunitContext
{
    public KSweepChartTests() => Services.AddMudServices();

    [Fact]
    public void Draws_one_point_per_k_spans_the_range_and_marks_the_chosen_k()
    {
        List<KSweepChart.KValue> points = [new(2, 100), new(3, 40), new(4, 20), new(5, 17)];

        var chart = Render<KSweepChart>(p => p
            .Add(c => c.Title, "Inertia (elbow)").Add(c => c.Id, "elbow").Add(c => c.Points, points).Add(c => c.MarkK, 3).Add(c => c.MarkLabel, "elbow"));

        Assert.Equal("4", chart.Find("#elbow polyline").GetAttribute("data-points"));
        Assert.Equal("52,8 218.7,108.8 385.3,142.4 552,147.4", chart.Find("polyline").GetAttribute("points"));
        Assert.Equal(4, chart.FindAll("circle").Count);
        Assert.Equal("218.66666666666666", chart.Find(".portal-mark").GetAttribute("x1"));
        Assert.Contains("elbow k = 3", chart.Markup, StringComparison.Ordinal);
        Assert.Contains("k = 2", chart.Markup, StringComparison.Ordinal);
        Assert.Contains("k = 5", chart.Markup, StringComparison.Ordinal);
    }
}
