using Bunit;
using FacePortal.Core.Lab;
using FacePortal.Web.Lab;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

public sealed class GroupPhotoFaceListTests : BunitContext
{
    public GroupPhotoFaceListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Lists_each_face_from_a_group_photo_with_its_person_and_deletes_it_on_request()
    {
        var sample = LabReports.Sample();

        // Bob's second face came from a photo with three faces.
        var faces = sample.Faces.Select((f, i) => i == 7 ? f with { FacesInPhoto = 3 } : f).ToList();
        var report = sample with { Faces = faces };
        Guid? deleted = null;

        var list = Render<GroupPhotoFaceList>(p => p.Add(c => c.Report, report).Add(c => c.OnDelete, id => deleted = id));

        Assert.Equal([7], report.FromGroupPhotos);
        var face = Assert.Single(list.FindAll(".lab-group-photo-face"));
        Assert.Contains("Bob", face.TextContent, StringComparison.Ordinal);
        Assert.Equal("From a photo with 3 faces", face.QuerySelector(".lab-problem")!.TextContent.Trim());
        list.Find(".group-photo-delete").Click();
        Assert.Equal(faces[7].FaceId, deleted);
    }

    [Fact]
    public void Says_so_when_no_face_comes_from_a_group_photo()
    {
        var list = Render<GroupPhotoFaceList>(p => p.Add(c => c.Report, LabReports.Sample()));

        Assert.Equal("No faces come from group photos.", list.Find("#lab-group-photos-empty").TextContent.Trim());
    }
}
