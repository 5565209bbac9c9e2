using Bunit;
using FacePortal.Shared.Faces.Geometry;
using FacePortal.Web.Components.Shared;

namespace FacePortal.Web.Tests.Components.Shared;

public sealed class AnnotatedPhotoTests : BunitContext
{
    [Fact]
    public void Draws_known_faces_green_and_unknown_faces_red_with_their_labels_where_the_faces_are()
    {
        var photo = Render<AnnotatedPhoto>(p => p
            .Add(c => c.Src, "data:image/jpeg;base64,AAAA")
            .Add(c => c.Width, 400)
            .Add(c => c.Height, 200)
            .Add(c => c.Boxes, [
                new AnnotatedPhoto.LabelledBox(new FaceBox(100, 50, 200, 150), "1 Ann 0.71", true),
                new AnnotatedPhoto.LabelledBox(new FaceBox(300, 20, 360, 90), "2 Unknown 0.12", false),
            ]));

        Assert.Equal("0 0 400 200", photo.Find("svg").GetAttribute("viewBox"));
        var known = photo.Find("rect.known-face");
        Assert.Equal(("100", "50", "100", "100", "#00e676"), (known.GetAttribute("x"), known.GetAttribute("y"), known.GetAttribute("width"), known.GetAttribute("height"), known.GetAttribute("stroke")));
        Assert.Equal("#ff5252", photo.Find("rect.unknown-face").GetAttribute("stroke"));

        var labels = photo.FindAll(".portal-face-label");
        Assert.Equal(["1 Ann 0.71", "2 Unknown 0.12"], labels.Select(l => l.TextContent));
        Assert.Contains("left: 25%; top: 25%", labels[0].GetAttribute("style"), StringComparison.Ordinal);
        // A box in the right half grows its label leftwards from its right edge; one at the very top has it inside the box.
        Assert.Contains("right: 10%; top: 10%", labels[1].GetAttribute("style"), StringComparison.Ordinal);
        Assert.DoesNotContain("portal-face-label-inside", labels[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("portal-face-label-inside", labels[1].ClassName, StringComparison.Ordinal);
        Assert.Null(photo.Find(".portal-annotated-photo").GetAttribute("style"));
    }

    [Fact]
    public void A_small_photo_is_shown_at_the_minimum_display_width_not_its_native_size()
    {
        var photo = Render<AnnotatedPhoto>(p => p
            .Add(c => c.Src, "data:image/jpeg;base64,AAAA")
            .Add(c => c.Width, 160)
            .Add(c => c.Height, 120)
            .Add(c => c.MinDisplayWidth, 480)
            .Add(c => c.Boxes, [new AnnotatedPhoto.LabelledBox(new FaceBox(40, 30, 100, 100), "1 Ann 0.71", true)]));

        var frame = photo.Find(".portal-annotated-photo");
        Assert.Contains("portal-annotated-photo-small", frame.ClassName, StringComparison.Ordinal);
        Assert.Equal("width: min(100%, 480px)", frame.GetAttribute("style"));
    }

    [Fact]
    public void A_box_without_a_label_gets_no_caption()
    {
        var photo = Render<AnnotatedPhoto>(p => p
            .Add(c => c.Src, "data:image/jpeg;base64,AAAA")
            .Add(c => c.Width, 100)
            .Add(c => c.Height, 100)
            .Add(c => c.Boxes, [new AnnotatedPhoto.LabelledBox(new FaceBox(10, 10, 50, 50), string.Empty, true)]));

        Assert.Single(photo.FindAll("rect"));
        Assert.Empty(photo.FindAll(".portal-face-label"));
    }
}
