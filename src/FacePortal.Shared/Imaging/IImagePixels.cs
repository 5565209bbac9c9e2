namespace FacePortal.Shared.Imaging;

/// <summary>Where a <see cref="DecodedImage"/>'s pixels come from: all decoded up front, or decoded where they are drawn.</summary>
internal interface IImagePixels : IDisposable
{
    /// <summary>The whole working image (decoded now if it was not).</summary>
    SKImage Whole { get; }

    /// <summary>Draws the working image through <paramref name="matrix"/> (working to canvas coordinates) without aliasing.</summary>
    void Draw(SKCanvas canvas, SKMatrix matrix);

    /// <summary>Readies the pixels the given draws will need, in as few decoding passes as it can; the draws follow.</summary>
    void Prefetch(IReadOnlyList<ImageDraw> draws);
}
