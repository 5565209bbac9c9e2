using FacePortal.Shared.Imaging;
using FacePortal.TestSupport;
using FacePortal.Training.Augmentation;

namespace FacePortal.Training.Tests.Augmentation;

public sealed class FaceAugmenterTests(TrainingFaces faces) : IClassFixture<TrainingFaces>
{
    [Fact]
    public void The_same_seed_gives_the_same_pixels_and_another_seed_does_not()
    {
        var options = new AugmentationOptions { MaskProbability = 0.5, BlurProbability = 0.5 };

        var a = FaceAugmenter.Augment(faces.First, options, new Random(7)).Rgba.ToArray();
        var b = FaceAugmenter.Augment(faces.First, options, new Random(7)).Rgba.ToArray();
        var c = FaceAugmenter.Augment(faces.First, options, new Random(8)).Rgba.ToArray();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void No_augmentation_returns_the_face_unchanged()
    {
        var same = FaceAugmenter.Augment(faces.First, AugmentationOptions.None, new Random(1));

        Assert.Equal(faces.First.Rgba.ToArray(), same.Rgba.ToArray());
    }

    [Fact]
    public void A_flip_alone_mirrors_the_face()
    {
        var flipped = FaceAugmenter.Augment(faces.First, AugmentationOptions.None with { FlipProbability = 1 }, new Random(1));

        var size = faces.First.Size;
        var original = faces.First.Rgba.Span;
        var mirrored = flipped.Rgba.Span;
        var row = 60;
        for (var x = 10; x < size - 10; x += 17)
        {
            var o = ((row * size) + x) * 4;
            var m = ((row * size) + (size - 1 - x)) * 4;
            Assert.InRange(Math.Abs(original[o] - mirrored[m]), 0, 2);
        }
    }

    [Fact]
    public void A_mask_covers_nose_and_mouth_and_leaves_the_eyes_alone()
    {
        var masked = FaceAugmenter.Augment(faces.First, AugmentationOptions.None with { MaskProbability = 1 }, new Random(3));

        var size = faces.First.Size;
        double Changed(int top, int bottom)
        {
            var original = faces.First.Rgba.Span;
            var after = masked.Rgba.Span;
            var changed = 0;
            for (var i = top * size * 4; i < bottom * size * 4; i += 4)
            {
                changed += original[i] != after[i] || original[i + 1] != after[i + 1] ? 1 : 0;
            }

            return changed / (double)((bottom - top) * size);
        }

        Assert.Equal(0, Changed(0, 50));
        Assert.True(Changed(75, 100) > 0.5, "most of the mouth band is covered");
    }

    [Fact]
    public void Writes_a_preview_sheet_to_look_at()
    {
        const int columns = 8;
        var size = faces.First.Size;
        var sheet = new byte[columns * size * 2 * size * 4];
        var options = new AugmentationOptions { MaskProbability = 0.3 };
        for (var i = 0; i < columns * 2; i++)
        {
            var face = i == 0 ? faces.First : FaceAugmenter.Augment(faces.First, options, new Random(i));
            var (cx, cy) = (i % columns, i / columns);
            for (var y = 0; y < size; y++)
            {
                face.Rgba.Span.Slice(y * size * 4, size * 4).CopyTo(sheet.AsSpan((((cy * size) + y) * columns * size + (cx * size)) * 4));
            }
        }

        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(RepoLocations.Root, "artifacts")).FullName, "augmentation-preview.png");
        File.WriteAllBytes(path, ImageEncoder.EncodeRgba(sheet, columns * size, 2 * size));
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}
