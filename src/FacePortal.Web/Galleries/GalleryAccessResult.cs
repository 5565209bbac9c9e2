namespace FacePortal.Web.Galleries;

/// <summary>The gallery a request may use, or the problem (403/404 with a sentence) that says why it may not.</summary>
public sealed record GalleryAccessResult(Guid? GalleryId, int Status, string? Detail)
{
    public static GalleryAccessResult Allowed(Guid galleryId) => new(galleryId, StatusCodes.Status200OK, null);

    public static GalleryAccessResult Forbidden(string detail) => new(null, StatusCodes.Status403Forbidden, detail);

    public static GalleryAccessResult NotFound(string detail) => new(null, StatusCodes.Status404NotFound, detail);

    /// <summary>400: the caller must say which gallery (a key bound to several).</summary>
    public static GalleryAccessResult Ambiguous(string detail) => new(null, StatusCodes.Status400BadRequest, detail);

    public bool Succeeded => GalleryId is not null;

    /// <summary>The refusal as problem details, for endpoints.</summary>
    public ProblemHttpResult Problem() => TypedResults.Problem(Detail, statusCode: Status, title: Status == StatusCodes.Status403Forbidden ? "Gallery not granted" : null);
}
