using FacePortal.Shared.Imaging;
using FacePortal.Shared.Tests.Support;
using SkiaSharp;

namespace FacePortal.Shared.Tests.Imaging;

/// <summary>One decode-memory budget per decoder, reserved from the header before decoding (issue 23, item 8).</summary>
public sealed class DecodeMemoryBudgetTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void A_decoded_photo_holds_its_pixels_in_the_budget_until_disposed()
    {
        var decoder = new ImageDecoder(new ImageLimits { DecodeMemoryBudgetBytes = 64 * MiB });

        var image = decoder.Decode(TestImages.HalfRedHalfBlue(1000, 500, SKEncodedImageFormat.Png));
        var held = decoder.Budget.ReservedBytes;
        image.Dispose();

        // The pixels (1000 x 500 x 4) and the pyramid's smaller levels; what only the decode needed is back.
        Assert.InRange(held, 1000L * 500 * 4, 1000L * 500 * 4 * 2);
        Assert.Equal(0, decoder.Budget.ReservedBytes);
    }

    [Fact]
    public void A_photo_that_would_overspend_the_budget_is_refused_as_busy_before_decoding()
    {
        var decoder = new ImageDecoder(new ImageLimits { DecodeMemoryBudgetBytes = 64 * MiB });
        using var held = decoder.Budget.TryReserve(60 * MiB, TimeSpan.Zero);
        Assert.NotNull(held);

        // 3000 x 3000 RGBA is 34 MiB: over what is left. Nothing of it is reserved once refused.
        var busy = Assert.Throws<DecodeMemoryBudgetException>(() => decoder.Decode(TestImages.HalfRedHalfBlue(3000, 3000, SKEncodedImageFormat.Png)));
        Assert.Contains("too many large photos at once", busy.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), busy.RetryAfter);
        Assert.Equal(60 * MiB, decoder.Budget.ReservedBytes);

        // A small photo still fits beside it.
        using var small = decoder.Decode(TestImages.HalfRedHalfBlue(64, 48, SKEncodedImageFormat.Png));
        Assert.Equal(64, small.Width);
    }

    [Fact]
    public void One_photo_larger_than_the_whole_budget_decodes_on_an_idle_decoder_and_alone()
    {
        var decoder = new ImageDecoder(new ImageLimits { DecodeMemoryBudgetBytes = 16 * MiB });
        var large = TestImages.HalfRedHalfBlue(3000, 3000, SKEncodedImageFormat.Png);

        using (var image = decoder.Decode(large))
        {
            Assert.Equal(3000, image.Width);
            Assert.Throws<DecodeMemoryBudgetException>(() => decoder.Decode(TestImages.HalfRedHalfBlue(64, 48, SKEncodedImageFormat.Png)));
        }

        Assert.Equal(0, decoder.Budget.ReservedBytes);
        Assert.True(decoder.Budget.PeakReservedBytes >= 3000L * 3000 * 4, $"peak {decoder.Budget.PeakReservedBytes}");
    }

    [Fact]
    public void A_png_that_announces_huge_dimensions_reserves_its_full_size_decode_and_gives_it_all_back_when_it_fails()
    {
        var decoder = new ImageDecoder(new ImageLimits { DecodeMemoryBudgetBytes = 600 * MiB });

        // 7000 x 7000 cannot be decoded at a reduced scale as PNG: 196 MB of pixels, from a file of a few KB.
        Assert.Throws<ImageDecodeException>(() => decoder.Decode(FacePortal.TestSupport.PngBombs.Create(7000, 7000)));

        Assert.True(decoder.Budget.PeakReservedBytes >= 7000L * 7000 * 4, $"peak {decoder.Budget.PeakReservedBytes}");
        Assert.Equal(0, decoder.Budget.ReservedBytes);
    }

    [Fact]
    public void A_lease_gives_its_memory_back_once()
    {
        var budget = new DecodeMemoryBudget(100);
        var lease = budget.TryReserve(80, TimeSpan.Zero)!;

        Assert.Null(budget.TryReserve(30, TimeSpan.Zero));
        lease.ShrinkTo(50);
        using var second = budget.TryReserve(30, TimeSpan.Zero);
        Assert.NotNull(second);
        lease.Dispose();
        lease.Dispose();

        Assert.Equal(30, budget.ReservedBytes);
    }
}
