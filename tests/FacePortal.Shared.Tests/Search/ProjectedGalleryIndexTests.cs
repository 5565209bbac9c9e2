using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Search;

namespace FacePortal.Shared.Tests.Search;

/// <summary>The gallery index in a learnt 128-d space: faces and queries arrive as embeddings and are projected on the way in.</summary>
public sealed class ProjectedGalleryIndexTests
{
    private const int Outputs = 128;

    // Output o copies input o, and output 0 also takes input 200: two embeddings orthogonal in the
    // raw space (axes 0 and 200) are the same point in the learnt one.
    private static readonly EmbeddingProjection Merge0And200 = Projection();

    [Fact]
    public void Search_and_nearest_compare_in_the_projected_space()
    {
        var index = new GalleryIndex(Merge0And200);
        var ann = new GalleryFace(Guid.NewGuid(), Guid.NewGuid(), "Ann", Axis(200));
        var bob = new GalleryFace(Guid.NewGuid(), Guid.NewGuid(), "Bob", Axis(5));
        index.Add(ann);
        index.Add(bob);

        var matches = index.Search(Axis(0), topK: 2);

        Assert.Equal(Outputs, index.VectorDimensions);
        Assert.Equal(["Ann", "Bob"], matches.Select(m => m.Name));
        Assert.Equal(1, matches[0].Similarity, 5);
        Assert.Equal(0, matches[1].Similarity, 5);
        Assert.Equal(1, index.Nearest(ann.PersonId, Axis(0))!.Similarity, 5);
        Assert.All(index.Faces(), f => Assert.Equal(Outputs, f.Embedding.Length));

        var raw = new GalleryIndex();
        raw.Add(ann);
        Assert.Equal(0, raw.Search(Axis(0), 1)[0].Similarity, 5);
    }

    [Fact]
    public void Faces_and_queries_must_be_embeddings_not_projected_vectors()
    {
        var index = new GalleryIndex(Merge0And200);

        Assert.Throws<ArgumentException>(() => index.Add(new GalleryFace(Guid.NewGuid(), Guid.NewGuid(), "Ann", new float[Outputs])));
        Assert.Throws<ArgumentException>(() => index.Search(new float[Outputs], 1));
    }

    [Fact]
    public void A_projection_survives_its_file_form()
    {
        var copy = EmbeddingProjection.FromBytes(Merge0And200.ToBytes());

        Assert.Equal((FaceEmbedder.Dimensions, Outputs, 0.55f), (copy.Inputs, copy.Outputs, copy.SimilarityThreshold));
        Assert.Equal(Merge0And200.Project(Axis(200)), copy.Project(Axis(200)));
        Assert.Throws<InvalidDataException>(() => EmbeddingProjection.FromBytes(Merge0And200.ToBytes()[..^4]));
    }

    private static EmbeddingProjection Projection()
    {
        var weights = new float[Outputs * FaceEmbedder.Dimensions];
        for (var o = 0; o < Outputs; o++)
        {
            weights[(o * FaceEmbedder.Dimensions) + o] = 1;
        }

        weights[200] = 1;
        return EmbeddingProjection.FromParameters(weights, new float[Outputs], 0.55f);
    }

    private static float[] Axis(int i)
    {
        var v = new float[FaceEmbedder.Dimensions];
        v[i] = 1;
        return v;
    }
}
