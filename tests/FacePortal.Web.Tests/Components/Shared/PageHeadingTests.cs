using Bunit;
using FacePortal.Web.Components.Shared;

namespace FacePortal.Web.Tests.Components.Shared;

public sealed class PageHeadingTests : BunitContext
{
    [Fact]
    public void A_page_title_is_an_h1_drawn_at_the_h4_size_with_the_id_and_class_the_page_gives_it()
    {
        var heading = Render<PageHeading>(p => p
            .Add(c => c.Class, "mb-1")
            .AddUnmatched("id", "people-title")
            .AddChildContent("People"));

        var h1 = heading.Find("h1");
        Assert.Equal("People", h1.TextContent);
        Assert.Equal("people-title", h1.Id);
        Assert.Contains("mud-typography-h4", h1.ClassList);
        Assert.Contains("mb-1", h1.ClassList);
        Assert.Empty(heading.FindAll("h4"));
    }
}
