using System.ComponentModel.DataAnnotations;

namespace FacePortal.Shared.Imaging;

/// <summary>Bounds that protect the server from huge files and decompression bombs.</summary>
public sealed record ImageLimits
{
    /// <summary>Largest encoded file accepted.</summary>
    [Range(typeof(long), "1", "2147483647")]
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Largest width x height accepted, checked from the header before any pixel is decoded.</summary>
    [Range(typeof(long), "1", "2147483647")]
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>
    /// Longer side of the working image. Larger photos are decoded at a reduced scale
    /// (JPEG's DCT scaling makes that cheaper than a full decode), which loses nothing
    /// a 112x112 face crop could use.
    /// </summary>
    [Range(64, 32_768)]
    public int MaxWorkingSide { get; init; } = 2048;

    /// <summary>
    /// Memory that the photos one decoder has decoded may hold at once, estimated from each image's
    /// header before decoding (see <see cref="DecodeMemoryBudget"/>). In the web app one decoder
    /// serves every endpoint and the live hub, so this bounds them together; a photo that would go
    /// over it waits briefly, then is refused as "busy" (429). About 600 MiB by default.
    /// </summary>
    [Range(typeof(long), "16777216", "68719476736")]
    public long DecodeMemoryBudgetBytes { get; init; } = 600L * 1024 * 1024;

    public static ImageLimits Default { get; } = new();
}
