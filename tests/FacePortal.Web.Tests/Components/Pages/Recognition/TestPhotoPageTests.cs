using Bunit;
using FacePortal.Core.Galleries;
using FacePortal.Web.Galleries;
using FacePortal.Web.Recognition.TestPhoto;
using Microsoft.Extensions.DependencyInjection;
using FacePortal.Web.Tests.Support;
using SkiaSharp;

namespace FacePortal.Web.Tests.Components.Pages.Recognition;

public sealed class TestPhotoPageTests : AppComponentTest
{
    [Fact]
    public void A_photo_without_a_face_says_what_to_try_with_the_detector_and_quality_minimums()
    {
        var page = Render<TestPhotoPage>();

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(PlainPhoto(), "wall.jpg", contentType: "image/jpeg"));

        page.WaitForAssertion(() => Assert.Equal("No face found.", page.Find("#test-summary").TextContent), TimeSpan.FromSeconds(30));
        var advice = page.Find("#test-no-face").TextContent;
        Assert.Contains("looks at the camera", advice, StringComparison.Ordinal);
        Assert.Contains("at least 20 pixels wide to be found, and 48 to be named", advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_candidate_line_explains_its_two_numbers()
    {
        await GalleryPeople.EnrollAsync(App, "Test Angelina", "img1.jpg", "img2.jpg");
        var page = Render<TestPhotoPage>();

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestPhotos.DeepFace("img4.jpg"), "img4.jpg", contentType: "image/jpeg"));

        page.WaitForAssertion(() => Assert.Contains("template", page.Find(".test-candidates").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var help = page.Find(".test-scores-help").GetAttribute("aria-label");
        Assert.Contains("closest enrolled face", help, StringComparison.Ordinal);
        Assert.Contains("average of all their enrolled faces", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_another_gallery_answers_the_photo_on_show_there()
    {
        var branch = (await App.Services.GetRequiredService<GalleryService>().CreateAsync("Branch", "test", Xunit.TestContext.Current.CancellationToken)).Value;
        await GalleryPeople.EnrollAsync(App, branch, "Branch Angelina", "img1.jpg", "img2.jpg");
        var page = Render<TestPhotoPage>();

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestPhotos.DeepFace("img4.jpg"), "img4.jpg", contentType: "image/jpeg"));
        page.WaitForAssertion(() => Assert.Equal("1 face, not recognised.", page.Find("#test-summary").TextContent), TimeSpan.FromSeconds(30));

        await page.InvokeAsync(() => page.FindComponent<GalleryPicker>().Instance.ValueChanged.InvokeAsync(branch));
        page.WaitForAssertion(() => Assert.Equal("1 face, recognised.", page.Find("#test-summary").TextContent), TimeSpan.FromSeconds(30));
        Assert.Contains("Branch Angelina", page.Find("#test-results").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.FindComponent<GalleryPicker>().Instance.ValueChanged.InvokeAsync(Gallery.DefaultId));
        page.WaitForAssertion(() => Assert.Equal("1 face, not recognised.", page.Find("#test-summary").TextContent), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("Branch Angelina", page.Find("#test-results").TextContent, StringComparison.Ordinal);
    }

    /// <summary>A 640x480 grey JPEG: a photo with nothing in it to find.</summary>
    internal static byte[] PlainPhoto()
    {
        using var bitmap = new SKBitmap(640, 480);
        bitmap.Erase(new SKColor(120, 130, 140));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
