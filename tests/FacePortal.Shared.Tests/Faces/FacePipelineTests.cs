using FacePortal.Shared.Evaluation;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Alignment;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Tests.Support;
using SkiaSharp;

namespace FacePortal.Shared.Tests.Faces;

[Collection(PipelineCollection.Name)]
public sealed class FacePipelineTests(PipelineFixture fixture)
{
    // Counts checked by eye on the annotated output of `./faceportal detect --out`.
    // selfie-many-people.jpg shows 7 people; two faces are cut by the photo's edge
    // (bottom left, and the photographer at bottom right) and UltraFace misses them
    // at the default threshold: 5 is what it finds, and all 5 are real faces.
    [Theory]
    [InlineData("deepface", "couple.jpg", 2)]
    [InlineData("deepface", "selfie-many-people.jpg", 5)]
    [InlineData("deepface", "img1.jpg", 1)]
    [InlineData("face-api", "sample1.jpg", 3)]
    [InlineData("face-api", "sample2.jpg", 3)]
    [InlineData("face-api", "sample3.jpg", 3)]
    [InlineData("face-api", "sample4.jpg", 4)]
    [InlineData("face-api", "sample5.jpg", 5)]
    [InlineData("face-api", "sample6.jpg", 4)]
    public void Finds_every_face_in_group_photos(string set, string file, int expected)
    {
        var folder = set == "deepface" ? TestPaths.DeepFace : TestPaths.FaceApiDemo;

        var faces = fixture.AnalyzeFile(Path.Combine(folder, file));

        Assert.Equal(expected, faces.Count);
        Assert.All(faces, f => Assert.InRange(f.Score, 0.7f, 1f));
    }

    [Fact]
    public void Boxes_and_landmarks_are_in_original_image_coordinates()
    {
        var path = TestPaths.DeepFacePhoto("couple.jpg");
        using var image = fixture.Pipeline.Decoder.Decode(File.ReadAllBytes(path));
        var faces = fixture.Pipeline.Analyze(image);

        // couple.jpg (2280x1588) is decoded at working size 2048; results must still be in file pixels.
        Assert.True(image.ScaleToOriginal > 1.1f);
        foreach (var face in faces)
        {
            Assert.InRange(face.Box.Left, 0, image.OriginalWidth);
            Assert.InRange(face.Box.Right, face.Box.Left, image.OriginalWidth);
            Assert.True(face.Box.Width > 400, $"face width {face.Box.Width}");
            var five = face.FivePoints;
            Assert.All(five, p => Assert.True(p.X > face.Box.Left && p.X < face.Box.Right && p.Y > face.Box.Top && p.Y < face.Box.Bottom));
            Assert.True(five[0].X < five[1].X, "left eye left of right eye");
            Assert.True(five[2].Y > five[0].Y && five[3].Y > five[2].Y, "eyes above nose above mouth");
        }
    }

    [Fact]
    public void Aligned_crop_puts_the_face_points_on_the_template()
    {
        var face = Assert.Single(fixture.AnalyzeFile(TestPaths.DeepFacePhoto("img1.jpg")));
        var transform = FaceAligner.TransformFor(face.FivePoints.Select(p => p / 1f).ToArray().AsSpan());

        Assert.Equal(ArcFaceTemplate.Size, face.AlignedFace.Size);
        Assert.Equal(112 * 112 * 4, face.AlignedFace.Rgba.Length);
        for (var i = 0; i < 5; i++)
        {
            // Landmarks are predicted, not exact, so the fit leaves a few pixels of residue.
            var mapped = transform.Apply(face.FivePoints[i]);
            var target = ArcFaceTemplate.Points[i];
            Assert.True(System.Numerics.Vector2.Distance(mapped, target) < 6, $"point {i}: {mapped} vs {target}");
        }
    }

    [Fact]
    public void Embeddings_are_unit_length_and_separate_people()
    {
        var a1 = Largest("img1.jpg");
        var a2 = Largest("img2.jpg");
        var other = Largest("img8.jpg");

        Assert.Equal(FaceEmbedder.Dimensions, a1.Length);
        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(a1), 4);
        var same = EmbeddingMath.CosineSimilarity(a1, a2);
        var different = EmbeddingMath.CosineSimilarity(a1, other);
        Assert.True(same > 0.4f, $"same person {same}");
        Assert.True(different < 0.3f, $"different people {different}");
    }

    [Fact]
    public void Batch_embedding_equals_one_at_a_time()
    {
        var faces = fixture.AnalyzeFile(TestPaths.FaceApiDemo + "/sample5.jpg");
        var crops = faces.Select(f => f.AlignedFace).ToList();

        var batch = fixture.Pipeline.Embedder.Embed(crops);

        for (var i = 0; i < crops.Count; i++)
        {
            var single = fixture.Pipeline.Embedder.Embed(crops[i]);
            Assert.True(EmbeddingMath.CosineSimilarity(single, batch[i]) > 0.9999f);
            Assert.Equal(faces[i].Embedding, batch[i], new ToleranceComparer(1e-4f));
        }
    }

    [Fact]
    public void A_phone_photo_stored_sideways_gives_the_same_face_as_upright()
    {
        var upright = File.ReadAllBytes(TestPaths.DeepFacePhoto("img1.jpg"));
        var sideways = TestImages.StoredSidewaysWithExif(upright);

        var expected = Assert.Single(fixture.Pipeline.Analyze(upright));
        var actual = Assert.Single(fixture.Pipeline.Analyze(sideways));

        Assert.True(EmbeddingMath.CosineSimilarity(expected.Embedding, actual.Embedding) > 0.95f);
        Assert.Equal(expected.Box.CenterX, actual.Box.CenterX, 1.5f * 8);
        Assert.Equal(expected.Box.CenterY, actual.Box.CenterY, 1.5f * 8);
    }

    [Fact]
    public void An_image_without_a_face_yields_no_faces()
    {
        using var bitmap = TestImages.Pattern(640, 480);
        using var image = DecodedImage.FromBitmap(bitmap);

        Assert.Empty(fixture.Pipeline.Analyze(image));
    }

    [Fact]
    public void Verification_on_the_deepface_pairs_reaches_99_percent()
    {
        var pairs = LabelledPair.ReadCsv(Path.Combine(TestPaths.DeepFace, "master.csv"));

        var result = PairEvaluation.Run(fixture.Pipeline, TestPaths.DeepFace, pairs, Environment.ProcessorCount);

        Assert.Empty(result.UnusableImages);
        Assert.Equal(pairs.Count, result.Scored.Count);
        Assert.True(result.Report.BestAccuracy >= 0.99, $"accuracy {result.Report.BestAccuracy:P2}");
        Assert.True(result.Report.RocAuc >= 0.99, $"AUC {result.Report.RocAuc:0.0000}");
    }

    [Fact]
    public void Concurrent_use_gives_the_same_results()
    {
        var bytes = File.ReadAllBytes(TestPaths.DeepFacePhoto("img1.jpg"));
        var expected = Assert.Single(fixture.Pipeline.Analyze(bytes)).Embedding;

        var results = new float[16][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            results[i] = Assert.Single(fixture.Pipeline.Analyze(bytes)).Embedding);

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Warm_up_runs_every_model()
    {
        var report = PipelineWarmup.Run(fixture.Pipeline);

        Assert.True(report.Detector > TimeSpan.Zero && report.Landmarks > TimeSpan.Zero && report.Embedder > TimeSpan.Zero);
    }

    private float[] Largest(string file) => fixture.AnalyzeFile(TestPaths.DeepFacePhoto(file)).MaxBy(f => f.Box.Area)!.Embedding;

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
