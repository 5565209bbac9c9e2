using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Faces.Geometry;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Tests.Support;
using FacePortal.TestSupport;

namespace FacePortal.Shared.Tests.Faces;

[Collection(PipelineCollection.Name)]
public sealed class PrimaryFaceTests(PipelineFixture fixture)
{
    [Fact]
    public void The_rule_weighs_area_against_twice_the_squared_distance_from_the_centre()
    {
        var centred = new FaceBox(450, 250, 550, 350);
        var bigAtTheEdge = new FaceBox(0, 200, 200, 400);

        Assert.Equal(100 * 100, PrimaryFace.Score(centred, 1000, 600));
        Assert.Equal((200 * 200) - (2 * 400 * 400), PrimaryFace.Score(bigAtTheEdge, 1000, 600));
        Assert.True(PrimaryFace.Score(centred, 1000, 600) > PrimaryFace.Score(bigAtTheEdge, 1000, 600));
        Assert.Null(PrimaryFace.Of(Array.Empty<FaceAnalysis>(), 1000, 600));
    }

    [Fact]
    public void In_a_portrait_with_a_bigger_bystander_the_subject_is_the_primary_face()
    {
        using var image = fixture.Pipeline.Decoder.Decode(ComposedPhotos.SubjectWithBiggerBystander());
        var reference = Embedding("img2.jpg");
        var bystander = Embedding("img8.jpg");

        var analysis = fixture.Pipeline.AnalyzeOnePerson(image);

        Assert.Equal(2, analysis.Faces.Count);
        var largest = analysis.Faces.MaxBy(f => f.Box.Area)!;
        var primary = analysis.Primary!;
        Assert.NotSame(largest, primary);
        Assert.False(analysis.PrimaryIsLargest);
        Assert.False(analysis.Retried);
        Assert.InRange(primary.Box.CenterX, 700, 900);

        // The subject is img1's person (img2 is another photo of her); the largest face is img8's.
        Assert.True(EmbeddingMath.CosineSimilarity(primary.Embedding, reference) > 0.4f);
        Assert.True(EmbeddingMath.CosineSimilarity(largest.Embedding, reference) < 0.3f);
        Assert.True(EmbeddingMath.CosineSimilarity(largest.Embedding, bystander) > 0.6f);
    }

    [Fact]
    public void One_face_is_its_own_primary_without_a_retry()
    {
        var analysis = fixture.Pipeline.AnalyzeOnePerson(File.ReadAllBytes(TestPaths.DeepFacePhoto("img1.jpg")));

        Assert.Same(Assert.Single(analysis.Faces), analysis.Primary);
        Assert.True(analysis.PrimaryIsLargest);
        Assert.Null(analysis.RetryThreshold);
    }

    [Fact]
    public void A_face_missed_at_the_configured_threshold_is_found_by_one_retry_at_the_lower_one_and_says_so()
    {
        var photo = ComposedPhotos.FacesOnlyTheRetryFinds();
        Assert.Empty(fixture.Pipeline.Analyze(photo));

        var analysis = fixture.Pipeline.AnalyzeOnePerson(photo);

        Assert.Equal(0.5f, analysis.RetryThreshold);
        Assert.True(analysis.Retried);
        Assert.NotEmpty(analysis.Faces);
        Assert.All(analysis.Faces, f => Assert.InRange(f.Score, 0.5f, 0.7f));
        Assert.Same(PrimaryFace.Of(analysis.Faces, analysis.Width, analysis.Height), analysis.Primary);
    }

    [Fact]
    public void A_photo_without_any_face_is_retried_once_and_still_has_none()
    {
        using var bitmap = TestImages.Pattern(640, 480);
        using var image = DecodedImage.FromBitmap(bitmap);

        var analysis = fixture.Pipeline.AnalyzeOnePerson(image);

        Assert.True(analysis.Retried);
        Assert.Empty(analysis.Faces);
        Assert.Null(analysis.Primary);
    }

    [Fact]
    public void No_retry_when_the_retry_threshold_is_not_lower()
    {
        var pipeline = new FacePipeline(fixture.Models, new FacePipelineOptions { Detector = new DetectorOptions { ScoreThreshold = 0.5f, RetryScoreThreshold = 0.5f } });
        using var bitmap = TestImages.Pattern(640, 480);
        using var image = DecodedImage.FromBitmap(bitmap);

        Assert.False(pipeline.AnalyzeOnePerson(image).Retried);
    }

    private float[] Embedding(string file) => fixture.Pipeline.AnalyzeOnePerson(File.ReadAllBytes(TestPaths.DeepFacePhoto(file))).Primary!.Embedding;
}
