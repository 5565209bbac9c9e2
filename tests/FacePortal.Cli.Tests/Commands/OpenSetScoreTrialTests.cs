using FacePortal.Cli.Commands;
using FacePortal.Shared.Search;

namespace FacePortal.Cli.Tests.Commands;

/// <summary>The two scores eval-open-set tries beside the raw similarity: their arithmetic on hand-made unit vectors.</summary>
public sealed class OpenSetScoreTrialTests
{
    private static readonly Guid Ann = Guid.NewGuid(), Bea = Guid.NewGuid(), Cat = Guid.NewGuid(), Dan = Guid.NewGuid(), Eve = Guid.NewGuid();

    [Fact]
    public void A_person_whose_face_sits_close_to_another_persons_gets_the_raise_and_loses_the_lead()
    {
        // Ann and Bea look alike (0.8); Cat, Dan and Eve are far from everyone, so the median crowding is 0.
        var enrolled = new[]
        {
            Face(Ann, Unit(1, 0, 0, 0, 0)), Face(Bea, Unit(0.8f, 0.6f, 0, 0, 0)), Face(Cat, Unit(0, 0, 1, 0, 0)), Face(Dan, Unit(0, 0, 0, 1, 0)), Face(Eve, Unit(0, 0, 0, 0, 1)),
        };

        var thresholds = new PersonThresholds(enrolled);

        Assert.Equal(0.8f, thresholds.RaiseOf(Ann), 3);
        Assert.Equal(0.8f, thresholds.RaiseOf(Bea), 3);
        Assert.Equal(0f, thresholds.RaiseOf(Cat));
        var adjusted = thresholds.Apply([Match(Ann, 0.9f), Match(Cat, 0.5f)]);
        Assert.Equal(Cat, adjusted[0].PersonId);
        Assert.Equal(0.1f, adjusted[1].Similarity, 3);
    }

    [Fact]
    public void Cohort_normalisation_subtracts_the_top_k_mean_and_a_cohort_probe_leaves_its_own_person_out()
    {
        // Cohort: person 0 has the probe's own direction twice, person 1 one face at 0.6 and one at 0.
        float[] probe = Unit(1, 0, 0, 0);
        var cohort = new[] { Unit(1, 0, 0, 0), Unit(1, 0, 0, 0), Unit(0.6f, 0.8f, 0, 0), Unit(0, 1, 0, 0) };
        var labels = new[] { 0, 0, 1, 1 };
        var topTwo = new CohortNormalisation(cohort, labels, 2);

        Assert.Equal(0.7f - 1f, topTwo.Apply(probe, [Match(Ann, 0.7f)])[0].Similarity, 3);
        Assert.Equal(0.7f - 0.3f, topTwo.Apply(probe, [Match(Ann, 0.7f)], leaveOut: 0)[0].Similarity, 3);

        // The z-score: scores 1, 1, 0.6, 0 have mean 0.65 and standard deviation sqrt(0.1675).
        var z = new CohortNormalisation(cohort, labels, 0).Apply(probe, [Match(Ann, 0.7f), Match(Bea, 0.5f)]);
        Assert.Equal((0.7f - 0.65f) / MathF.Sqrt(0.1675f), z[0].Similarity, 3);
        Assert.Equal(Bea, z[1].PersonId);
    }

    private static GalleryFace Face(Guid person, float[] embedding) => new(Guid.NewGuid(), person, person.ToString(), embedding);

    private static GalleryMatch Match(Guid person, float similarity) => new(person, person.ToString(), similarity, similarity, Guid.NewGuid(), 1);

    private static float[] Unit(params float[] values)
    {
        var length = MathF.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => v / length)];
    }
}
