using Microsoft.Net.Http.Headers;

namespace FacePortal.Web.Api;

/// <summary>
/// Endpoints that read their body themselves (uploads, imports, camera frames) accept only the media
/// types they expect and answer anything else with 415. JSON endpoints get the same from minimal-API
/// binding. A body sent as text/plain or without a type is what a cross-site form or no-cors fetch
/// can produce, so refusing it also narrows what such a request could ever reach.
/// </summary>
public static class ApiContentTypes
{
    public const string Multipart = "multipart/form-data";

    public static readonly string[] Photos = ["image/jpeg", "image/png", "image/webp", "image/bmp"];

    public static TBuilder Accepting<TBuilder>(this TBuilder builder, params string[] mediaTypes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(mediaTypes);
        var expected = string.Join(" or ", mediaTypes);
        return builder.AddEndpointFilter(async (context, next) =>
            IsOneOf(context.HttpContext.Request.ContentType, mediaTypes)
                ? await next(context)
                : Results.Problem($"Send the body as {expected}.", statusCode: StatusCodes.Status415UnsupportedMediaType));
    }

    private static bool IsOneOf(string? contentType, string[] mediaTypes) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && mediaTypes.Any(m => parsed.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase));
}
