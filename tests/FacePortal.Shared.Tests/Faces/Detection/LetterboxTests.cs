using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Faces.Geometry;

namespace FacePortal.Shared.Tests.Faces.Detection;

public sealed class LetterboxTests
{
    [Theory]
    [InlineData(640, 480, 0.5f, 0f, 0f)]
    [InlineData(1000, 1000, 0.24f, 40f, 0f)]
    [InlineData(480, 1280, 0.1875f, 115f, 0f)]
    [InlineData(3200, 1000, 0.1f, 0f, 70f)]
    public void Keeps_the_aspect_ratio_and_centres_the_image(int width, int height, float scale, float offsetX, float offsetY)
    {
        var box = Letterbox.Fit(width, height, 320, 240);

        Assert.Equal(scale, box.Scale, 5);
        Assert.Equal(offsetX, box.OffsetX, 3);
        Assert.Equal(offsetY, box.OffsetY, 3);
    }

    [Fact]
    public void Maps_model_boxes_back_to_source_pixels()
    {
        var letterbox = Letterbox.Fit(480, 1280, 320, 240);
        var inModel = new FaceBox(115 + 18.75f, 37.5f, 115 + 37.5f, 75f);

        var source = letterbox.ToSource(inModel);

        Assert.Equal(100f, source.Left, 2);
        Assert.Equal(200f, source.Top, 2);
        Assert.Equal(200f, source.Right, 2);
        Assert.Equal(400f, source.Bottom, 2);
    }
}
