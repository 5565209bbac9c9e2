using Bunit;
using FacePortal.Web.Components.Shared;

namespace FacePortal.Web.Tests.Components.Shared;

public sealed class LinkCardTests : BunitContext
{
    [Fact]
    public void A_card_shows_its_label_and_content_and_leads_to_its_page_with_the_words_given()
    {
        var card = Render<LinkCard>(p => p
            .Add(c => c.Label, "Live")
            .Add(c => c.Href, "live")
            .Add(c => c.Action, "Start live recognition")
            .AddChildContent("<p id=\"about\">Point your camera at people.</p>"));

        Assert.Equal("Live", card.Find(".mud-typography-overline").TextContent);
        Assert.Equal("Point your camera at people.", card.Find("#about").TextContent);
        var link = card.Find("a");
        Assert.Equal("live", link.GetAttribute("href"));
        Assert.Contains("Start live recognition", link.TextContent);
    }
}
