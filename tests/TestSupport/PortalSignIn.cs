using System.Net;
using System.Text.RegularExpressions;

namespace FacePortal.TestSupport;

/// <summary>
/// Signing in over plain HTTP as a browser does, for every test and benchmark client: the login form
/// with its antiforgery token, then the request token a signed-in page carries in
/// <c>&lt;meta name="csrf-token"&gt;</c>, sent on every later request so the API accepts the client's
/// writes. The client must keep cookies (the sign-in cookie and the antiforgery cookie).
/// </summary>
public static partial class PortalSignIn
{
    /// <summary>Signs <paramref name="client"/> in and makes it carry the request token from now on.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        using (var response = await PostLoginAsync(client, userName, password))
        {
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in of {userName} failed: {response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
            }
        }

        // The token names the signed-in user, so it is taken from a page loaded after signing in.
        var (header, token) = RequestTokenIn(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        client.DefaultRequestHeaders.Remove(header);
        client.DefaultRequestHeaders.Add(header, token);
    }

    /// <summary>Posts the login form as a browser would; <paramref name="returnUrl"/> goes in the query string.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = FormTokenIn(page),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        var target = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={returnUrl}";
        return await client.PostAsync(new Uri(target, UriKind.Relative), form);
    }

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>.</summary>
    public static string FormTokenIn(string html) => FormToken().Match(html).Groups[1].Value;

    /// <summary>The header name and request token a page carries for scripts that call the API.</summary>
    public static (string Header, string Token) RequestTokenIn(string html)
    {
        var meta = RequestTokenMeta().Match(html);
        var token = Attribute(meta.Value, "content");
        var header = Attribute(meta.Value, "data-header");
        return meta.Success && token.Length > 0 && header.Length > 0
            ? (header, token)
            : throw new InvalidOperationException("The page carries no <meta name=\"csrf-token\"> with a token.");
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<meta[^>]*name=\"csrf-token\"[^>]*>")]
    private static partial Regex RequestTokenMeta();
}
