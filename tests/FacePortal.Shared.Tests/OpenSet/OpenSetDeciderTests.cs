using FacePortal.Shared.Analysis;
using FacePortal.Shared.Faces.Quality;
using FacePortal.Shared.OpenSet;
using FacePortal.Shared.Search;

namespace FacePortal.Shared.Tests.OpenSet;

public sealed class OpenSetDeciderTests
{
    private static readonly OperatingPoint Point = new(0.01, 16, 0.40f, 0.01, OperatingPointBasis.ModelStatistics);
    private static readonly FaceQuality Good = new(120, 200, 120, 0.9f, 2);
    private static readonly OpenSetDecider Decider = new(new QualityRules(), 0.05f);

    [Fact]
    public void Names_the_best_person_above_the_threshold_and_says_at_what_rate()
    {
        var verdict = Decider.Decide(Good, [Match("Ada", 0.62f), Match("Grace", 0.21f)], Point);

        Assert.Equal(VerdictKind.Named, verdict.Kind);
        Assert.Equal("Ada", verdict.Person!.Name);
        Assert.Equal("Ada", verdict.Label);
        Assert.Equal("Ada at 0.620, named at a 1% false-match rate for 16 people.", verdict.Reason);
    }

    [Fact]
    public void Below_the_threshold_nobody_is_close()
    {
        var verdict = Decider.Decide(Good, [Match("Ada", 0.39f)], Point);

        Assert.Equal(VerdictKind.NobodyClose, verdict.Kind);
        Assert.Null(verdict.Person);
        Assert.Equal("Ada", verdict.Best!.Name);
        Assert.Equal("Unknown (nobody close)", verdict.Label);
        Assert.Contains("below 0.400", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_people_both_above_the_threshold_and_close_together_could_be_either()
    {
        var verdict = Decider.Decide(Good, [Match("Ada", 0.55f), Match("Grace", 0.52f)], Point);

        Assert.Equal(VerdictKind.Ambiguous, verdict.Kind);
        Assert.Null(verdict.Person);
        Assert.Equal("Unknown (could be Ada or Grace)", verdict.Label);
        Assert.Equal("ambiguous", verdict.Code);
    }

    [Fact]
    public void A_runner_up_far_enough_behind_does_not_block_the_name()
    {
        Assert.Equal(VerdictKind.Named, Decider.Decide(Good, [Match("Ada", 0.70f), Match("Grace", 0.45f)], Point).Kind);
        Assert.Equal(VerdictKind.Named, Decider.Decide(Good, [Match("Ada", 0.50f), Match("Grace", 0.38f)], Point).Kind);
    }

    [Fact]
    public void A_face_too_small_or_turned_is_never_named()
    {
        var tiny = Decider.Decide(Good with { SizePixels = 20 }, [Match("Ada", 0.9f)], Point);
        var turned = Decider.Decide(Good with { Frontalness = 0.02f }, [Match("Ada", 0.9f)], Point);

        Assert.Equal(VerdictKind.TooPoor, tiny.Kind);
        Assert.Contains("small: 20 px (under 48)", tiny.Reason, StringComparison.Ordinal);
        Assert.Equal(VerdictKind.TooPoor, turned.Kind);
        Assert.Contains("turned", turned.Reason, StringComparison.Ordinal);
        Assert.Equal("Unknown (face too poor)", turned.Label);
    }

    [Fact]
    public void A_face_closer_to_a_marked_negative_than_to_the_person_is_refused()
    {
        var refused = Decider.Decide(Good, [Match("Ada", 0.60f)], Point, nearestNegative: 0.75f);
        var kept = Decider.Decide(Good, [Match("Ada", 0.60f)], Point, nearestNegative: 0.30f);

        Assert.Equal(VerdictKind.MarkedNotThisPerson, refused.Kind);
        Assert.Contains("not Ada", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(VerdictKind.Named, kept.Kind);
    }

    [Fact]
    public void An_empty_gallery_names_nobody()
    {
        var verdict = Decider.Decide(Good, [], Point);

        Assert.Equal(VerdictKind.NobodyClose, verdict.Kind);
        Assert.Equal(0, verdict.Similarity);
    }

    private static GalleryMatch Match(string name, float similarity) => new(Guid.NewGuid(), name, similarity, similarity, Guid.NewGuid(), 1);
}
