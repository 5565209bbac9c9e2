using Bunit;
using FacePortal.Shared.OpenSet;
using FacePortal.Shared.Search;
using FacePortal.Web.Components.Shared;

namespace FacePortal.Web.Tests.Components.Shared;

public sealed class VerdictCardTests : BunitContext
{
    private static readonly OperatingPoint Point = new(0.01, 16, 0.412f, 0.0098, OperatingPointBasis.ModelStatistics);
    private static readonly GalleryMatch Ann = new(Guid.NewGuid(), "Ann Lee", 0.71f, 0.7f, Guid.NewGuid(), 3);
    private static readonly GalleryMatch Bea = new(Guid.NewGuid(), "Bea Lee", 0.69f, 0.68f, Guid.NewGuid(), 2);

    [Fact]
    public void A_named_face_shows_the_name_reason_similarity_and_the_operating_point()
    {
        var card = Render<VerdictCard>(p => p
            .Add(c => c.Verdict, new Verdict(VerdictKind.Named, 0.71f, Ann, Ann, Bea, "Ann Lee at 0.710 reaches the threshold 0.412.", Point))
            .Add(c => c.Number, 2));

        Assert.Equal("named", card.Find(".portal-verdict").GetAttribute("data-verdict"));
        Assert.Contains("portal-verdict-named", card.Find(".portal-verdict").ClassList);
        Assert.Equal("2", card.Find(".portal-verdict-number").TextContent);
        Assert.Equal("Ann Lee", card.Find(".portal-verdict-label").TextContent);
        Assert.Equal("Ann Lee at 0.710 reaches the threshold 0.412.", card.Find(".portal-verdict-reason").TextContent);
        Assert.Equal("similarity 0.710", card.Find(".portal-verdict-similarity").TextContent);
        Assert.Contains("threshold 0.412: named at a 1% false-match rate for 16 people.", card.Find(".portal-verdict-point").TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll(".portal-verdict-advice"));
    }

    [Fact]
    public void Could_be_A_or_B_names_both_with_their_similarities()
    {
        var card = Render<VerdictCard>(p => p
            .Add(c => c.Verdict, new Verdict(VerdictKind.Ambiguous, 0.71f, null, Ann, Bea, "Two people are too close to tell apart.", Point)));

        Assert.Equal("Unknown (could be Ann Lee or Bea Lee)", card.Find(".portal-verdict-label").TextContent);
        Assert.Contains("portal-verdict-unknown", card.Find(".portal-verdict").ClassList);
        var advice = card.Find(".portal-verdict-advice").TextContent;
        Assert.Contains("Ann Lee (0.710) and Bea Lee (0.690)", advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_poor_says_why_and_what_to_try()
    {
        var card = Render<VerdictCard>(p => p
            .Add(c => c.Verdict, new Verdict(VerdictKind.TooPoor, 0.3f, null, Ann, null, "Too poor to name: small: 30 px (under 48).", Point)));

        Assert.Equal("Unknown (face too poor)", card.Find(".portal-verdict-label").TextContent);
        Assert.Equal("Too poor to name: small: 30 px (under 48).", card.Find(".portal-verdict-reason").TextContent);
        Assert.Contains("larger, sharper photo", card.Find(".portal-verdict-advice").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_close_names_the_closest_person_under_the_threshold()
    {
        var card = Render<VerdictCard>(p => p
            .Add(c => c.Verdict, new Verdict(VerdictKind.NobodyClose, 0.2f, null, Ann with { Similarity = 0.2f }, null, "Nobody enrolled is similar enough.", Point)));

        Assert.Equal("Unknown (nobody close)", card.Find(".portal-verdict-label").TextContent);
        Assert.Equal("The closest enrolled person is Ann Lee at 0.200, under the threshold.", card.Find(".portal-verdict-advice").TextContent);
    }
}
