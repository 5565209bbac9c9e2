namespace FacePortal.Web.Galleries;

/// <summary>
/// The one shape of a read or delete of one thing by id: the refusal <see cref="GalleryAccess"/> gave (a thing of a gallery the
/// caller may not use is answered 404, as one that does not exist), else the thing, or 404 when there is none. Written once so
/// every endpoint answers a missing and a forbidden thing alike.
/// </summary>
public static class GalleryScopedLookup
{
    /// <param name="what">The thing's noun for the 404 sentence ("No such photo.").</param>
    /// <param name="find">Runs only once the gallery may be used; null when the thing is not there.</param>
    public static async Task<Results<TResult, ProblemHttpResult>> AnswerFoundAsync<TItem, TResult>(
        this Task<GalleryAccessResult> access, string what, Func<Task<TItem?>> find, Func<TItem, TResult> answer)
        where TItem : class
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(answer);
        var scope = await access.ConfigureAwait(false);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        return await find().ConfigureAwait(false) is { } item ? answer(item) : ApiProblems.NotFound(what);
    }
}
