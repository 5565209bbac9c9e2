using FacePortal.Shared.Evaluation.Liveness;
using FacePortal.Shared.Faces.Attributes;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Models;
using FacePortal.Shared.Tests.Support;
using SkiaSharp;

namespace FacePortal.Shared.Tests.Evaluation;

public sealed class LivenessSeparationTests
{
    private static LivenessSample Sample(LivenessKind kind, float live) => new(kind, "x", [live, 1 - live, 0], [0, 0, 0]);

    [Fact]
    public void Auc_rates_and_threshold_follow_the_scores()
    {
        LivenessSample[] samples =
        [
            Sample(LivenessKind.RealPhoto, 0.9f), Sample(LivenessKind.WebcamFrame, 0.6f), Sample(LivenessKind.WebcamFrame, 0.3f),
            Sample(LivenessKind.Screen, 0.4f), Sample(LivenessKind.Print, 0.1f), Sample(LivenessKind.PhotoOfPhoto, 0.2f),
            Sample(LivenessKind.PhotoOfPhoto, 0.05f),
        ];

        // Live 0.9, 0.6, 0.3 against spoofs 0.4, 0.2, 0.1, 0.05: 11 of 12 pairs ordered right.
        Assert.Equal(11 / 12.0, LivenessSeparation.AucOf(samples, blueFirst: true, liveClass: 0, _ => true), 6);
        Assert.Equal(1 / 12.0, LivenessSeparation.AucOf(samples, blueFirst: true, liveClass: 1, _ => true), 6);
        Assert.Equal(1.0, LivenessSeparation.AucOf(samples, true, 0, k => k == LivenessKind.Print), 6);
        Assert.Equal(0.5, LivenessSeparation.AucOf(samples, blueFirst: false, liveClass: 0, _ => true), 6);
        Assert.Equal((2 / 3.0, 0.0), LivenessSeparation.Rates(samples, true, 0, 0.5f));
        // At 0.3 every live frame passes and one spoof in four (J = 0.75); at 0.6, two live in three and no spoof (J = 0.67).
        Assert.Equal(0.3f, LivenessSeparation.BestThreshold(samples, true, 0));
    }
}

[Collection(PipelineCollection.Name)]
public sealed class LivenessEvaluationTests(PipelineFixture fixture)
{
    [Fact]
    public void Every_kind_of_frame_is_made_and_its_subject_found()
    {
        using var photo = SKBitmap.Decode(TestPaths.DeepFacePhoto("img1.jpg"));
        using var scene = SKBitmap.Decode(TestPaths.DeepFacePhoto("img20.jpg"));
        var frames = new SpoofFrames();
        LivenessFrame[] made =
        [
            frames.WebcamFrame("img1.jpg", photo), frames.PhotoOfPhoto("img1.jpg", photo, scene),
            frames.Screen("img1.jpg", photo), frames.Print("img1.jpg", photo),
        ];

        foreach (var frame in made)
        {
            using (frame)
            {
                using var image = DecodedImage.FromBitmap(frame.Pixels);
                Assert.Equal((SpoofFrames.Width, SpoofFrames.Height), (frame.Pixels.Width, frame.Pixels.Height));
                Assert.Contains(fixture.Pipeline.Analyze(image), f => frame.SubjectRegion.Contains(f.Box.CenterX, f.Box.CenterY));
            }
        }
    }

    // The README's finding, on a few photos: the liveness reading in use ranks live frames above our spoofs.
    [Fact]
    public void The_reading_in_use_separates_live_frames_from_spoofs()
    {
        using var analyzer = new FaceAttributeAnalyzer(new FaceModelOptions { Directory = TestPaths.Models });
        var photos = new[] { "img1.jpg", "img13.jpg", "img17.jpg", "img29.jpg", "img42.jpg", "img62.jpg" }.Select(TestPaths.DeepFacePhoto).ToList();

        var result = new LivenessEvaluation(fixture.Pipeline, analyzer).Run(photos);

        Assert.All(result.Missed.Values, m => Assert.Equal(0, m));
        Assert.Equal(photos.Count * 5, result.Samples.Count);
        var (liveClass, blueFirst) = FaceAttributeAnalyzer.LivenessReading;
        var auc = LivenessSeparation.AucOf(result.Samples, blueFirst, liveClass, _ => true);
        Assert.True(auc >= 0.8, $"AUC {auc:0.000}");
    }
}
