using Bunit;
using FacePortal.Web.Lab;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

public sealed class LabScatterTests : BunitContext
{
    public LabScatterTests() => Services.AddMudServices();

    [Fact]
    public void Hands_every_face_to_the_canvas_script_once_and_labels_the_axes_with_their_variance()
    {
        var report = LabReports.Sample();
        var module = JSInterop.SetupModule("./js/lab-scatter.js");
        var draw = module.Setup<double>("draw", _ => true);
        draw.SetResult(2.5);

        var scatter = Render<LabScatter>(p => p.Add(c => c.Report, report));

        var call = Assert.Single(draw.Invocations);
        var points = Assert.IsType<ScatterPoints>(call.Arguments[2]);
        Assert.Equal(report.Faces.Count, points.Xs.Length);
        Assert.Equal(report.Faces.Select(f => f.FaceId.ToString()), points.Faces);
        Assert.Equal(["Ann", "Bob", "Cy"], points.Names);
        Assert.Equal(PersonColours.Of(2), points.Colours[2]);
        var share = report.Survey.Projection!.ExplainedVariance[0];
        Assert.Equal($"PC1 · {share:P1} of the variance", scatter.Find("#lab-axis-x").TextContent);
        Assert.Equal(3, scatter.FindAll(".lab-legend-item").Count);
        scatter.WaitForAssertion(() => Assert.Contains("Drew 20 faces in 2.5 ms", scatter.Find("#lab-render-time").TextContent, StringComparison.Ordinal));
        Assert.Empty(scatter.FindAll("circle"));
    }
}
