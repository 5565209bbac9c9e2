using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Attributes;
using FacePortal.Shared.Faces.Geometry;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Models;
using FacePortal.Shared.Tests.Support;
using SkiaSharp;

namespace FacePortal.Shared.Tests.Faces.Attributes;

/// <summary>One analyzer for the class: its models load on first use, as in the app.</summary>
public sealed class AnalyzerFixture : IDisposable
{
    public FaceAttributeAnalyzer Analyzer { get; } = new(new FaceModelOptions { Directory = TestPaths.Models });

    public void Dispose() => Analyzer.Dispose();
}

// The photos were looked at: img1.jpg is a smiling woman in her forties (Angelina Jolie), img13.jpg a
// young man (Mark Zuckerberg), img62.jpg a bearded man facing the camera, img67.jpg a man in his
// forties facing the camera with a neutral face, couple.jpg a woman (left) and a man, both turned
// towards the image's right. Eyes are open in all of them.
[Collection(PipelineCollection.Name)]
public sealed class FaceAttributeAnalyzerTests(PipelineFixture pipeline, AnalyzerFixture attributes) : IClassFixture<AnalyzerFixture>
{
    private FaceAttributeAnalyzer Analyzer => attributes.Analyzer;

    [Theory]
    [InlineData("img67.jpg")]
    [InlineData("img62.jpg")]
    public void A_frontal_face_has_a_near_frontal_pose(string photo)
    {
        var pose = AnalyzeOnly(photo, FacePlugins.Pose).Pose!;

        Assert.InRange(pose.Yaw, -10, 10);
        Assert.InRange(pose.Pitch, -15, 15);
        Assert.InRange(pose.Roll, -10, 10);
    }

    [Fact]
    public void Yaw_changes_sign_on_a_mirrored_photo()
    {
        using var photo = pipeline.Pipeline.Decoder.Decode(File.ReadAllBytes(TestPaths.DeepFacePhoto("couple.jpg")));
        using var mirrored = Mirror(photo);

        var original = pipeline.Pipeline.Analyze(photo);
        var flipped = pipeline.Pipeline.Analyze(mirrored);

        Assert.Equal(2, original.Count);
        Assert.Equal(original.Count, flipped.Count);
        foreach (var face in original)
        {
            // The same face in the mirror: the box whose centre lands on the mirrored centre.
            var twin = flipped.MinBy(f => Math.Abs(f.Box.CenterX - (mirrored.OriginalWidth - face.Box.CenterX)) + Math.Abs(f.Box.CenterY - face.Box.CenterY))!;
            var yaw = Analyzer.Analyze(photo, face, FacePlugins.Pose).Pose!.Yaw;
            var mirroredYaw = Analyzer.Analyze(mirrored, twin, FacePlugins.Pose).Pose!.Yaw;

            // Both faces turn towards the image's right: negative yaw, positive in the mirror.
            Assert.InRange(yaw, -40, -10);
            Assert.InRange(mirroredYaw, 10, 40);
            Assert.InRange(yaw + mirroredYaw, -8, 8);
        }
    }

    [Theory]
    [InlineData("img1.jpg", "female", 30, 55)]
    [InlineData("img13.jpg", "male", 25, 50)]
    [InlineData("img62.jpg", "male", 25, 55)]
    [InlineData("img67.jpg", "male", 30, 60)]
    public void Gender_and_age_are_plausible(string photo, string gender, float youngest, float oldest)
    {
        var result = AnalyzeOnly(photo, FacePlugins.Gender | FacePlugins.Age);

        Assert.Equal(gender, result.Gender!.Label);
        Assert.InRange(result.Gender.Probability, 0.5f, 1f);
        Assert.InRange(result.Age!.Years, youngest, oldest);
    }

    [Fact]
    public void Gender_of_both_people_in_the_couple_photo()
    {
        using var image = pipeline.Pipeline.Decoder.Decode(File.ReadAllBytes(TestPaths.DeepFacePhoto("couple.jpg")));
        var labels = pipeline.Pipeline.Analyze(image)
            .OrderBy(f => f.Box.CenterX)
            .Select(f => Analyzer.Analyze(image, f, FacePlugins.Gender).Gender!.Label)
            .ToList();

        Assert.Equal(["female", "male"], labels);
    }

    [Theory]
    [InlineData("img1.jpg")]
    [InlineData("img13.jpg")]
    [InlineData("img62.jpg")]
    [InlineData("img67.jpg")]
    public void Eyes_are_open_on_ordinary_photos(string photo)
    {
        var eyes = AnalyzeOnly(photo, FacePlugins.Eyes).Eyes!;

        Assert.True(eyes.LeftOpen, $"left eye open probability {eyes.LeftOpenProbability}");
        Assert.True(eyes.RightOpen, $"right eye open probability {eyes.RightOpenProbability}");
    }

    [Fact]
    public void Expression_is_a_distribution_over_the_known_labels()
    {
        var smiling = AnalyzeOnly("img1.jpg", FacePlugins.Expression).Expression!;
        var neutral = AnalyzeOnly("img67.jpg", FacePlugins.Expression).Expression!;

        Assert.Equal(FaceAttributeAnalyzer.ExpressionLabels, smiling.Probabilities.Keys);
        Assert.InRange(smiling.Probabilities.Values.Sum(), 0.999f, 1.001f);
        Assert.Equal("happy", smiling.Label);
        Assert.Equal("neutral", neutral.Label);
    }

    [Fact]
    public void Liveness_is_a_probability_and_marked_experimental()
    {
        var liveness = AnalyzeOnly("img67.jpg", FacePlugins.Liveness).Liveness!;

        Assert.InRange(liveness.Score, 0f, 1f);
        Assert.Equal(liveness.Score >= FaceAttributeAnalyzer.LivenessThreshold, liveness.IsLive);
        Assert.True(liveness.Experimental);
    }

    [Fact]
    public void Only_the_asked_plugins_are_computed()
    {
        var none = AnalyzeOnly("img1.jpg", FacePlugins.None);
        var some = AnalyzeOnly("img1.jpg", FacePlugins.Pose | FacePlugins.Eyes);
        var all = AnalyzeOnly("img1.jpg", FaceAttributeAnalyzer.AllPlugins);

        Assert.Equal(new FaceAttributes(), none);
        Assert.NotNull(some.Pose);
        Assert.NotNull(some.Eyes);
        Assert.Null(some.Age);
        Assert.Null(some.Gender);
        Assert.Null(some.Expression);
        Assert.Null(some.Liveness);
        Assert.Null(all.Refusal);
        Assert.All(new object?[] { all.Pose, all.Age, all.Gender, all.Expression, all.Eyes, all.Liveness }, Assert.NotNull);
    }

    [Fact]
    public void A_face_too_small_is_refused_with_a_reason()
    {
        using var image = pipeline.Pipeline.Decoder.Decode(File.ReadAllBytes(TestPaths.DeepFacePhoto("img1.jpg")));
        var face = pipeline.Pipeline.Analyze(image)[0];
        var scale = image.ScaleToOriginal;
        var tiny = new FaceBox(100 * scale, 100 * scale, 120 * scale, 124 * scale);

        var result = Analyzer.Analyze(image, tiny, face.Landmarks, FaceAttributeAnalyzer.AllPlugins);

        Assert.NotNull(result.Refusal);
        Assert.Contains("20x24 pixels", result.Refusal, StringComparison.Ordinal);
        Assert.Contains($"at least {FaceAttributeAnalyzer.MinFaceSide}", result.Refusal, StringComparison.Ordinal);
        Assert.Null(result.Pose);
        Assert.Null(result.Liveness);
    }

    [Fact]
    public void Unknown_plugin_bits_are_an_error()
    {
        using var image = pipeline.Pipeline.Decoder.Decode(File.ReadAllBytes(TestPaths.DeepFacePhoto("img1.jpg")));
        var face = pipeline.Pipeline.Analyze(image)[0];

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Analyzer.Analyze(image, face, (FacePlugins)64));
        Assert.Contains("Unknown face plugins", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_calls_give_the_answers_of_sequential_ones()
    {
        using var image = pipeline.Pipeline.Decoder.Decode(File.ReadAllBytes(TestPaths.DeepFacePhoto("couple.jpg")));
        var faces = pipeline.Pipeline.Analyze(image);
        var expected = faces.Select(f => Analyzer.Analyze(image, f, FaceAttributeAnalyzer.AllPlugins)).ToList();

        var results = new FaceAttributes[8];
        Parallel.For(0, results.Length, i => results[i] = Analyzer.Analyze(image, faces[i % faces.Count], FaceAttributeAnalyzer.AllPlugins));

        for (var i = 0; i < results.Length; i++)
        {
            var want = expected[i % faces.Count];
            Assert.Equal(want.Pose, results[i].Pose);
            Assert.Equal(want.Age, results[i].Age);
            Assert.Equal(want.Gender, results[i].Gender);
            Assert.Equal(want.Eyes, results[i].Eyes);
            Assert.Equal(want.Liveness, results[i].Liveness);
            Assert.Equal(want.Expression!.Probabilities, results[i].Expression!.Probabilities);
        }
    }

    private FaceAttributes AnalyzeOnly(string photo, FacePlugins plugins)
    {
        using var image = pipeline.Pipeline.Decoder.Decode(File.ReadAllBytes(TestPaths.DeepFacePhoto(photo)));
        var faces = pipeline.Pipeline.Analyze(image);
        Assert.Single(faces);
        return Analyzer.Analyze(image, faces[0], plugins);
    }

    private static DecodedImage Mirror(DecodedImage photo)
    {
        using var upright = SKBitmap.Decode(ImageTransforms.CoverJpeg(photo, photo.Width, photo.Height, 95));
        using var mirrored = new SKBitmap(new SKImageInfo(upright.Width, upright.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(mirrored))
        {
            canvas.Scale(-1, 1, upright.Width / 2f, 0);
            canvas.DrawBitmap(upright, 0, 0);
        }

        return DecodedImage.FromBitmap(mirrored);
    }
}
