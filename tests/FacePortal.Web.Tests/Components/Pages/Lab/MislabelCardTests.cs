using Bunit;
using FacePortal.Shared.Analysis;
using FacePortal.Web.Lab;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

public sealed class MislabelCardTests : BunitContext
{
    public MislabelCardTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Shows_the_face_between_both_people_and_offers_the_move_and_the_delete_when_the_other_person_passes_the_threshold()
    {
        var report = LabReports.Sample();
        var mislabel = Assert.Single(report.Survey.Mislabels, m => m.Face == 18);
        LikelyMislabel? moved = null;
        Guid? deleted = null;

        var card = Render<MislabelCard>(p => p
            .Add(c => c.Report, report).Add(c => c.Mislabel, mislabel).Add(c => c.Threshold, mislabel.OtherSimilarity - 0.01f)
            .Add(c => c.OnMove, m => moved = m).Add(c => c.OnDelete, id => deleted = id));

        Assert.Equal(report.Faces[18].FaceId.ToString(), card.Find(".lab-mislabel").GetAttribute("data-face"));
        var figures = card.FindAll("figure");
        Assert.Contains("Filed under", figures[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Cy", figures[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"api/v1/faces/{report.Faces[18].FaceId}/crop", figures[1].QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains("Ann", figures[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("Move to Ann", card.Find(".mislabel-move").TextContent.Trim());

        card.Find(".mislabel-move").Click();
        card.Find(".mislabel-delete").Click();

        Assert.Equal(mislabel, moved);
        Assert.Equal(report.Faces[18].FaceId, deleted);
    }

    [Fact]
    public void Offers_delete_and_review_but_no_move_when_the_closest_other_person_is_under_the_threshold()
    {
        var report = LabReports.Sample();
        var mislabel = Assert.Single(report.Survey.Mislabels, m => m.Face == 18);
        Guid? deleted = null;

        var card = Render<MislabelCard>(p => p
            .Add(c => c.Report, report).Add(c => c.Mislabel, mislabel).Add(c => c.Threshold, mislabel.OtherSimilarity + 0.01f)
            .Add(c => c.OnDelete, id => deleted = id));

        Assert.Empty(card.FindAll(".mislabel-move"));
        Assert.Equal("false", card.Find(".lab-mislabel").GetAttribute("data-recognisable"));
        Assert.Contains("Matches nobody", card.Find(".lab-mislabel-nobody").TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-button-filled", card.Find(".mislabel-delete").ClassName, StringComparison.Ordinal);
        Assert.Equal($"people/{report.People[2].Id}", card.Find(".mislabel-review").GetAttribute("href"));

        card.Find(".mislabel-delete").Click();
        Assert.Equal(report.Faces[18].FaceId, deleted);
    }
}
