using Bunit;
using FacePortal.Web.Recognition.Verify;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Components.Pages.Recognition;

public sealed class VerifyPageTests : AppComponentTest
{
    [Fact]
    public void Shows_each_photo_as_soon_as_it_is_chosen_and_says_what_to_try_when_one_has_no_face()
    {
        var page = Render<VerifyPage>();
        var inputs = page.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>();

        inputs[0].UploadFiles(InputFileContent.CreateFromBinary(TestPhotos.DeepFace("img1.jpg"), "img1.jpg", contentType: "image/jpeg"));

        page.WaitForAssertion(() => Assert.StartsWith("data:image/jpeg;base64,", page.Find("#verify-photo-a img").GetAttribute("src"), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Empty(page.FindAll("#verify-result"));

        inputs[1].UploadFiles(InputFileContent.CreateFromBinary(TestPhotoPageTests.PlainPhoto(), "wall.jpg", contentType: "image/jpeg"));

        page.WaitForAssertion(() => Assert.Contains("No face was found in the second photo.", page.Find("#verify-problem-b").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("at least 20 pixels wide to be found", page.Find("#verify-problem-b").TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll("#verify-photo-b"));
    }
}
