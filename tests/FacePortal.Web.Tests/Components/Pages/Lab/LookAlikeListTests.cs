using Bunit;
using FacePortal.Web.Lab;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

public sealed class LookAlikeListTests : BunitContext
{
    public LookAlikeListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Lists_the_closest_pairs_first_with_their_similarity()
    {
        var report = LabReports.Sample();

        var list = Render<LookAlikeList>(p => p.Add(c => c.Report, report).Add(c => c.Threshold, 0.4f));

        var rows = list.FindAll(".lab-pair");
        Assert.Equal(3, rows.Count);
        var values = rows.Select(r => float.Parse(r.QuerySelector(".lab-pair-value")!.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.OrderDescending(), values);
        var first = report.Survey.Pairs[0];
        Assert.Contains(report.People[first.A].Name, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(report.People[first.B].Name, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(6, list.FindAll(".lab-pair img").Count);
    }
}
