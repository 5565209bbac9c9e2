using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Search;

namespace FacePortal.Shared.Tests.Search;

public sealed class GalleryIndexTests
{
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    [Fact]
    public void Search_ranks_people_by_their_nearest_face_and_reports_the_template_similarity()
    {
        var index = new GalleryIndex();
        var annFace1 = Face(Ann, "Ann", Axis(0));
        var annFace2 = Face(Ann, "Ann", Mix(0, 1, 0.6f));
        var bobFace = Face(Bob, "Bob", Axis(2));
        index.Add(annFace1);
        index.Add(annFace2);
        index.Add(bobFace);

        var matches = index.Search(Mix(0, 2, 0.2f), topK: 5);

        Assert.Equal(["Ann", "Bob"], matches.Select(m => m.Name));
        Assert.Equal(annFace1.FaceId, matches[0].NearestFaceId);
        Assert.Equal(Cosine(Mix(0, 2, 0.2f), Axis(0)), matches[0].Similarity, 5);
        var template = Axis(0).Zip(Mix(0, 1, 0.6f), (a, b) => a + b).ToArray();
        Assert.Equal(Cosine(Mix(0, 2, 0.2f), template), matches[0].TemplateSimilarity, 5);
        Assert.Equal(2, matches[0].EnrolledFaces);
        Assert.Equal((3, 2), (index.FaceCount, index.PersonCount));
    }

    [Fact]
    public void Search_returns_at_most_top_k_people_best_first()
    {
        var index = new GalleryIndex();
        for (var i = 0; i < 10; i++)
        {
            index.Add(Face(Guid.NewGuid(), $"P{i}", Mix(0, i + 1, i / 10f)));
        }

        var matches = index.Search(Axis(0), topK: 3);

        Assert.Equal(["P0", "P1", "P2"], matches.Select(m => m.Name));
        Assert.True(matches[0].Similarity > matches[1].Similarity && matches[1].Similarity > matches[2].Similarity);
    }

    [Fact]
    public void Removing_a_face_moves_the_last_row_into_its_place_without_losing_anyone()
    {
        var index = new GalleryIndex();
        var faces = Enumerable.Range(0, 5).Select(i => Face(Guid.NewGuid(), $"P{i}", Axis(i))).ToList();
        faces.ForEach(index.Add);

        index.Remove([faces[1].FaceId]);

        Assert.Equal(4, index.FaceCount);
        foreach (var face in faces.Where(f => f != faces[1]))
        {
            var best = index.Search(face.Embedding, 1)[0];
            Assert.Equal(face.FaceId, best.NearestFaceId);
            Assert.Equal(1f, best.Similarity, 5);
        }

        Assert.DoesNotContain(index.Search(Axis(1), 10), m => m.Name == "P1");
    }

    [Fact]
    public void A_person_whose_last_face_goes_leaves_the_index_and_their_slot_is_reused()
    {
        var index = new GalleryIndex();
        var ann = Face(Ann, "Ann", Axis(0));
        index.Add(ann);
        index.Add(Face(Bob, "Bob", Axis(1)));

        index.Remove([ann.FaceId]);
        index.Add(Face(Guid.NewGuid(), "Cy", Axis(3)));

        Assert.Equal(2, index.PersonCount);
        Assert.Equal(["Bob", "Cy"], index.Search(Axis(0), 5).Select(m => m.Name).Order());
    }

    [Fact]
    public void Removing_a_person_removes_every_face_of_theirs_and_only_theirs()
    {
        var index = new GalleryIndex();
        index.Add(Face(Ann, "Ann", Axis(0)));
        index.Add(Face(Bob, "Bob", Axis(1)));
        index.Add(Face(Ann, "Ann", Axis(2)));

        index.RemovePerson(Ann);

        Assert.Equal((1, 1), (index.FaceCount, index.PersonCount));
        Assert.Equal("Bob", Assert.Single(index.Search(Axis(0), 5)).Name);
    }

    [Fact]
    public void Changes_are_idempotent_so_a_change_seen_twice_is_harmless()
    {
        var index = new GalleryIndex();
        var face = Face(Ann, "Ann", Axis(0));

        index.Add(face);
        index.Add(face);
        index.Remove([face.FaceId]);
        index.Remove([face.FaceId]);
        index.RemovePerson(Bob);

        Assert.Equal((0, 0), (index.FaceCount, index.PersonCount));
        Assert.Empty(index.Search(Axis(0), 3));
    }

    [Fact]
    public void Rename_changes_the_name_search_returns()
    {
        var index = new GalleryIndex();
        index.Add(Face(Ann, "Ann", Axis(0)));

        index.Rename(Ann, "Annabel");

        Assert.Equal("Annabel", index.Search(Axis(0), 1)[0].Name);
    }

    [Fact]
    public void The_index_grows_past_its_first_capacity()
    {
        var index = new GalleryIndex();
        var random = new Random(7);
        var faces = Enumerable.Range(0, 300).Select(i => Face(Guid.NewGuid(), $"P{i}", RandomUnit(random))).ToList();
        faces.ForEach(index.Add);

        Assert.Equal(300, index.FaceCount);
        Assert.Equal(faces[250].FaceId, index.Search(faces[250].Embedding, 1)[0].NearestFaceId);
    }

    [Fact]
    public void Embeddings_of_the_wrong_length_are_refused()
    {
        var index = new GalleryIndex();

        Assert.Throws<ArgumentException>(() => index.Add(new GalleryFace(Guid.NewGuid(), Ann, "Ann", new float[128])));
        Assert.Throws<ArgumentException>(() => index.Search(new float[128], 1));
    }

    private static GalleryFace Face(Guid person, string name, float[] embedding) => new(Guid.NewGuid(), person, name, embedding);

    private static float[] Axis(int i)
    {
        var v = new float[FaceEmbedder.Dimensions];
        v[i] = 1;
        return v;
    }

    /// <summary>A unit vector mostly along axis <paramref name="a"/> with <paramref name="share"/> of axis <paramref name="b"/>.</summary>
    private static float[] Mix(int a, int b, float share)
    {
        var v = new float[FaceEmbedder.Dimensions];
        v[a] = 1 - share;
        v[b] = share;
        EmbeddingMath.Normalize(v);
        return v;
    }

    private static float[] RandomUnit(Random random)
    {
        var v = new float[FaceEmbedder.Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)((random.NextDouble() * 2) - 1);
        }

        EmbeddingMath.Normalize(v);
        return v;
    }

    private static float Cosine(float[] a, float[] b) => EmbeddingMath.CosineSimilarity(a, b);
}
