using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.OpenSet;
using FacePortal.Shared.Search;

namespace FacePortal.Shared.Tests.OpenSet;

public sealed class GalleryStatisticsTests
{
    [Fact]
    public void Each_face_meets_the_other_people_only_and_the_same_gallery_gives_the_same_profile()
    {
        var random = new Random(7);
        var people = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var faces = people.SelectMany(p => Enumerable.Range(0, 2).Select(_ => new GalleryFace(Guid.NewGuid(), p, "x", Unit(random)))).ToList();

        var profile = GalleryStatistics.Profile(faces)!;
        var shuffled = GalleryStatistics.Profile(faces.OrderBy(_ => random.Next()).ToList())!;

        Assert.Equal(60, profile.Tails.Count);
        Assert.All(profile.Tails, t => Assert.Equal(29, t.Total));
        Assert.Equal(profile.FalseMatchRate(0.1f, 30), shuffled.FalseMatchRate(0.1f, 30));
    }

    [Fact]
    public void One_person_has_no_impostors()
    {
        var person = Guid.NewGuid();
        var random = new Random(1);

        Assert.Null(GalleryStatistics.Profile([new GalleryFace(Guid.NewGuid(), person, "x", Unit(random)), new GalleryFace(Guid.NewGuid(), person, "x", Unit(random))]));
    }

    private static float[] Unit(Random random)
    {
        var v = Enumerable.Range(0, FaceEmbedder.Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        EmbeddingMath.Normalize(v);
        return v;
    }
}
