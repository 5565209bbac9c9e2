using FacePortal.Shared.Analysis;
using FacePortal.Shared.Faces.Quality;

namespace FacePortal.Shared.Tests.Analysis;

public sealed class EmbeddingSurveyTests
{
    [Fact]
    public void Finds_a_planted_mislabel_a_duplicate_across_people_and_suggests_the_number_of_people()
    {
        var (data, labels) = Blobs.Make(people: 5, perPerson: 20, dimensions: 64, spread: 0.5f, seed: 5);
        var faces = Enumerable.Range(0, data.Count).Select(i => new SurveyFace(labels[i], data[i].ToArray(), null)).ToList();
        faces[3] = faces[3] with { Person = 2 };
        faces.Add(new SurveyFace(4, faces[50].Embedding, null));

        var report = EmbeddingSurvey.Run(faces, people: 5, cancellationToken: TestContext.Current.CancellationToken);

        var mislabel = Assert.Single(report.Mislabels, m => m.Face == 3);
        Assert.Equal((2, 0), (mislabel.Person, mislabel.OtherPerson));
        Assert.True(mislabel.Margin > 0.3f);
        Assert.Contains(report.Duplicates, d => (d.A, d.B, d.SamePerson) == (50, 100, false));
        Assert.Equal(5, report.SuggestedK);
        Assert.Equal(Enumerable.Range(2, 9), report.Sweep.Select(p => p.K));
        Assert.True(report.AtSuggestedK!.AdjustedRandIndex > 0.9);
        Assert.Equal(10, report.Pairs.Count);
        Assert.True(report.Pairs[0].Similarity >= report.Pairs[^1].Similarity);
    }

    [Fact]
    public void Names_the_quality_signal_that_flags_a_face()
    {
        var rules = new QualityRules();

        Assert.Empty(rules.Problems(new FaceQuality(120, 300, 120, 0.9f, 3)));
        Assert.Equal(
            ["small: 40 px (under 48)", "blurred: sharpness 20 (under 25)", "dark: brightness 20 (under 30)", "turned: frontal 0.05 (under 0.10)", "tilted: -50° (over 45°)"],
            rules.Problems(new FaceQuality(40, 20, 20, 0.05f, -50)));
    }
}
