namespace FacePortal.Shared.Evaluation.Liveness;

/// <summary>What a frame shows: a live face as a camera saw it, or one of the presentation attacks we can make in code.</summary>
public enum LivenessKind
{
    /// <summary>The photo itself, as taken.</summary>
    RealPhoto,

    /// <summary>The photo as a 640x480 webcam frame: cropped, sensor noise, JPEG at quality 75.</summary>
    WebcamFrame,

    /// <summary>A printed copy of the photo, white border and shadow, held up in front of another scene.</summary>
    PhotoOfPhoto,

    /// <summary>The photo on a screen: bezel, cool tint, moire and a glare spot.</summary>
    Screen,

    /// <summary>A low-contrast print: lifted blacks, warm paper, softened detail, filling most of the frame.</summary>
    Print,
}

/// <summary>One evaluation frame (RGBA pixels) and the region where its subject's face must be.</summary>
public sealed record LivenessFrame(LivenessKind Kind, string Source, SKBitmap Pixels, SKRect SubjectRegion) : IDisposable
{
    public bool IsLive => Kind is LivenessKind.RealPhoto or LivenessKind.WebcamFrame;

    public void Dispose() => Pixels.Dispose();
}
