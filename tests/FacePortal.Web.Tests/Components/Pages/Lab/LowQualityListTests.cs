using Bunit;
using FacePortal.Web.Lab;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

public sealed class LowQualityListTests : BunitContext
{
    public LowQualityListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Shows_each_flagged_face_with_the_signal_that_flags_it()
    {
        var report = LabReports.Sample();
        Guid? deleted = null;

        var list = Render<LowQualityList>(p => p.Add(c => c.Report, report).Add(c => c.OnDelete, id => deleted = id));

        var face = Assert.Single(list.FindAll(".lab-low-quality-face"));
        Assert.Contains("Cy", face.TextContent, StringComparison.Ordinal);
        Assert.Equal("dark: brightness 20 (under 30)", face.QuerySelector(".lab-problem")!.TextContent.Trim());
        list.Find(".low-quality-delete").Click();
        Assert.Equal(report.Faces[17].FaceId, deleted);
    }
}
