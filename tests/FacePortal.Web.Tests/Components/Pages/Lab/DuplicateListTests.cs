using Bunit;
using FacePortal.Web.Lab;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

public sealed class DuplicateListTests : BunitContext
{
    public DuplicateListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Shows_a_face_filed_under_two_people_and_deletes_the_second()
    {
        var report = LabReports.Sample();
        Guid? deleted = null;

        var list = Render<DuplicateList>(p => p.Add(c => c.Report, report).Add(c => c.OnDelete, id => deleted = id));

        var pair = Assert.Single(list.FindAll(".lab-duplicate"));
        Assert.Equal("false", pair.GetAttribute("data-same-person"));
        Assert.Contains("Bob / Ann", pair.TextContent, StringComparison.Ordinal);
        Assert.Contains("two people", pair.TextContent, StringComparison.Ordinal);
        list.Find(".duplicate-delete").Click();
        Assert.Equal(report.Faces[19].FaceId, deleted);
    }
}
