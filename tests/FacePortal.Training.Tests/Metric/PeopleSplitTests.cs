using FacePortal.Training.Metric;

namespace FacePortal.Training.Tests.Metric;

public sealed class PeopleSplitTests
{
    [Fact]
    public void People_go_wholly_to_one_side_the_same_way_for_the_same_seed()
    {
        // Twelve people with 3 faces each, and person 12 with a single face (never enough for a one-shot test).
        var labels = Enumerable.Range(0, 12).SelectMany(p => Enumerable.Repeat(p, 3)).Append(12).ToList();

        var split = PeopleSplit.Of(labels, testFraction: 0.33, seed: 7);

        Assert.Empty(split.Train.Intersect(split.Test));
        Assert.Equal(Enumerable.Range(0, 13), split.Train.Union(split.Test).Order());
        Assert.Equal(4, split.Test.Count);
        Assert.DoesNotContain(12, split.Test);
        Assert.Equal(split.Test.Order(), PeopleSplit.Of(labels, 0.33, seed: 7).Test.Order());
        Assert.NotEqual(split.Test.Order(), PeopleSplit.Of(labels, 0.33, seed: 8).Test.Order());
    }

    [Fact]
    public void Pk_batches_hold_p_people_with_k_faces_each()
    {
        var labels = Enumerable.Range(0, 6).SelectMany(p => Enumerable.Repeat(p, p == 5 ? 2 : 6)).ToList();
        var sampler = new PkSampler(labels, peoplePerBatch: 3, facesPerPerson: 4, seed: 1);

        for (var b = 0; b < 10; b++)
        {
            var groups = sampler.Next().GroupBy(r => labels[(int)r]).ToList();
            Assert.Equal(3, groups.Count);
            Assert.All(groups, g => Assert.Equal(g.Key == 5 ? 2 : 4, g.Distinct().Count()));
        }
    }
}
