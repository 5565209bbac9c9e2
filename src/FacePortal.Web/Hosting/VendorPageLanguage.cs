using System.Text;
using System.Text.RegularExpressions;

namespace FacePortal.Web.Hosting;

/// <summary>
/// Gives the vendors' own pages (Scalar's API reference, Hangfire's dashboard) the <c>lang</c> our pages have: Scalar
/// writes a bare <c>&lt;html&gt;</c> and Hangfire the process culture's two letters (<c>iv</c> under the invariant
/// culture), and neither has an option for it (issue 22: axe's html-has-lang / html-lang-valid). Only their HTML
/// pages are buffered and rewritten; their scripts, styles and JSON pass through untouched.
/// </summary>
public static partial class VendorPageLanguage
{
    public const string Language = "en";

    public static IApplicationBuilder UseVendorPageLanguage(this IApplicationBuilder app, params string[] paths) =>
        app.UseWhen(
            context => paths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)),
            branch => branch.Use(RewriteAsync));

    /// <summary>The page with its opening html tag's lang set to <see cref="Language"/>; other text unchanged.</summary>
    public static string WithLanguage(string html) =>
        HtmlTag().Replace(html, match => "<html lang=\"" + Language + "\"" + LangAttribute().Replace(match.Groups["rest"].Value, string.Empty) + ">", 1);

    private static async Task RewriteAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            && context.Response.Headers.ContentEncoding.Count == 0)
        {
            var page = Encoding.UTF8.GetBytes(WithLanguage(Encoding.UTF8.GetString(buffer.ToArray())));
            context.Response.ContentLength = page.Length;
            await original.WriteAsync(page, context.RequestAborted);
            return;
        }

        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    [GeneratedRegex("<html(?<rest>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex("""\s+lang\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex LangAttribute();
}
