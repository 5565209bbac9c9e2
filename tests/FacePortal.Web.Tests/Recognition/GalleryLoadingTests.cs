using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Recognition;

/// <summary>The recognition index is rebuilt from the database when the app starts.</summary>
public sealed class GalleryLoadingTests
{
    [Fact]
    public async Task A_restarted_app_recognises_the_people_enrolled_before()
    {
        await using var before = new FacePortalFactory();
        var angelina = await GalleryPeople.EnrollAsync(before, "Angelina Restart", "img1.jpg", "img2.jpg");
        await GalleryPeople.EnrollAsync(before, "Someone Else", "img20.jpg");

        await using var after = new FacePortalFactory { DataDirectory = before.DataDirectory };
        var gallery = await after.Services.GetRequiredService<RecognitionGallery>().GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, TestContext.Current.CancellationToken);
        var result = await after.Services.GetRequiredService<FaceRecognizer>().RecognizeAsync(FacePortal.Core.Galleries.Gallery.DefaultId, TestPhotos.DeepFace("img4.jpg"), TestContext.Current.CancellationToken);

        Assert.Equal((3, 2), (gallery.FaceCount, gallery.PersonCount));
        var face = Assert.Single(result.Faces);
        Assert.Equal(angelina, face.Person?.PersonId);
        Assert.Equal("Angelina Restart", face.Person?.Name);
    }
}
