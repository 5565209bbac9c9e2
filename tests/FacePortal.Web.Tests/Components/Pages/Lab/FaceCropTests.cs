using Bunit;
using FacePortal.Web.Lab;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

public sealed class FaceCropTests : BunitContext
{
    [Fact]
    public void Shows_the_crop_from_the_api_or_an_empty_square()
    {
        var id = Guid.NewGuid();

        var crop = Render<FaceCrop>(p => p.Add(c => c.FaceId, id).Add(c => c.Size, 40).Add(c => c.Alt, "Ann"));
        var none = Render<FaceCrop>(p => p.Add(c => c.FaceId, null));

        Assert.Equal($"api/v1/faces/{id}/crop", crop.Find("img").GetAttribute("src"));
        Assert.Equal("Ann", crop.Find("img").GetAttribute("alt"));
        Assert.Contains("width: 40px", crop.Find("img").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Empty(none.FindAll("img"));
        Assert.Single(none.FindAll(".lab-crop-empty"));
    }
}
