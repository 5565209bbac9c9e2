using Bunit;
using FacePortal.Web.Lab;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

public sealed class LabPageTests : AppComponentTest
{
    [Fact]
    public void Says_so_when_nobody_is_enrolled()
    {
        var page = Render<LabPage>();

        page.WaitForAssertion(() => Assert.Contains("No enrolled faces match", page.Find("#lab-empty").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("0 face(s) of 0 person(s)", page.Find("#lab-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_scatter_the_clusters_and_the_look_alikes_of_the_enrolled_people()
    {
        await GalleryPeople.EnrollAsync(App, "Page Angelina", "img1.jpg", "img2.jpg", "img4.jpg");
        await GalleryPeople.EnrollAsync(App, "Page Other", "img13.jpg", "img14.jpg", "img15.jpg");

        var page = Render<LabPage>();

        page.WaitForAssertion(() => Assert.Contains("6 face(s) of 2 person(s)", page.Find("#lab-summary").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Single(page.FindAll("#lab-scatter-canvas"));
        Assert.Equal(2, page.FindAll(".lab-legend-item").Count);
        Assert.Equal("4", page.Find("#lab-elbow-chart polyline").GetAttribute("data-points"));
        Assert.Single(page.FindAll("#lab-silhouette-chart"));
        Assert.Single(page.FindAll("#lab-pairs .lab-pair"));
        Assert.Contains("Likely mislabels (0)", page.Find("#lab-mislabels").TextContent, StringComparison.Ordinal);
    }
}
