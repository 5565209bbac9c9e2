using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Faces.Geometry;

namespace FacePortal.Shared.Tests.Faces.Detection;

public sealed class NonMaxSuppressionTests
{
    [Fact]
    public void Keeps_the_best_of_overlapping_boxes_and_all_separate_ones()
    {
        var candidates = new List<FaceDetection>
        {
            new(new FaceBox(0, 0, 100, 100), 0.80f),
            new(new FaceBox(5, 5, 105, 105), 0.95f),
            new(new FaceBox(10, 0, 110, 100), 0.70f),
            new(new FaceBox(300, 300, 380, 380), 0.60f),
        };

        var kept = NonMaxSuppression.Apply(candidates, 0.35f);

        Assert.Equal([0.95f, 0.60f], kept.Select(k => k.Score));
    }

    [Fact]
    public void Boxes_overlapping_less_than_the_threshold_survive()
    {
        // IoU of these two is 1/3.
        var candidates = new List<FaceDetection>
        {
            new(new FaceBox(0, 0, 100, 100), 0.9f),
            new(new FaceBox(50, 0, 150, 100), 0.8f),
        };

        Assert.Equal(2, NonMaxSuppression.Apply([.. candidates], 0.35f).Count);
        Assert.Single(NonMaxSuppression.Apply([.. candidates], 0.3f));
    }

    [Fact]
    public void Caps_the_number_of_results_best_first()
    {
        var candidates = Enumerable.Range(0, 10)
            .Select(i => new FaceDetection(new FaceBox(i * 200, 0, (i * 200) + 100, 100), i / 10f))
            .ToList();

        var kept = NonMaxSuppression.Apply(candidates, 0.35f, maxResults: 3);

        Assert.Equal([0.9f, 0.8f, 0.7f], kept.Select(k => k.Score));
    }

    [Fact]
    public void Intersection_over_union_is_exact()
    {
        var a = new FaceBox(0, 0, 10, 10);
        Assert.Equal(1f, a.IntersectionOverUnion(a));
        Assert.Equal(0f, a.IntersectionOverUnion(new FaceBox(20, 20, 30, 30)));
        Assert.Equal(25f / 175f, a.IntersectionOverUnion(new FaceBox(5, 5, 15, 15)), 5);
    }
}
