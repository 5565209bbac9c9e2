using System.Text;
using System.Text.RegularExpressions;

namespace FacePortal.Web.Accounts;

/// <summary>
/// Where the login page may send a user back to: a path on this site, and nothing a browser or
/// <see cref="Uri"/> could later read as another host. Checks that look at the raw text miss what
/// resolving does to it (<c>/.//evil.example</c>, <c>/%2e//evil.example</c> and <c>/.\/evil.example</c>
/// all become <c>//evil.example</c>, a protocol-relative URL), so the path is first decoded and
/// resolved here, the way a browser would, and only then written out, percent-encoded, so it is
/// also plain ASCII for the Location header.
/// </summary>
public static partial class LocalReturnUrl
{
    /// <summary>The local path <paramref name="returnUrl"/> stands for, or "/" when it is empty or not local.</summary>
    public static string Normalize(string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(returnUrl))
        {
            return "/";
        }

        var cut = returnUrl.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(cut < 0 ? returnUrl : returnUrl[..cut]).Replace('\\', '/');

        // Browsers drop tabs and line breaks from URLs ("/\t/evil.example" is "//evil.example"), and
        // nobody's page address has them: refused rather than guessed at. So is another scheme.
        if (path.Any(char.IsControl) || Scheme().IsMatch(path))
        {
            return "/";
        }

        // Dot segments resolved as RFC 3986 (and browsers) do, empty segments kept: what is left
        // starting with "//" is another host, and goes home. Other runs of slashes are collapsed.
        var segments = new List<string>();
        var parts = path.TrimStart('/').Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            switch (parts[i])
            {
                case ".":
                    break;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    break;
                default:
                    segments.Add(parts[i]);
                    break;
            }
        }

        var leadingSlashes = path.Length - path.TrimStart('/').Length;
        if (leadingSlashes > 1 || (segments.Count > 1 && segments[0].Length == 0))
        {
            return "/";
        }

        segments = [.. segments.Where(segment => segment.Length > 0).Select(Uri.EscapeDataString)];
        var local = "/" + string.Join('/', segments) + (segments.Count > 0 && path.EndsWith('/') ? "/" : string.Empty);
        return cut < 0 ? local : local + Escaped(returnUrl[cut..]);
    }

    /// <summary>The query and fragment with everything outside the URL's printable ASCII percent-encoded; existing escapes stay.</summary>
    private static string Escaped(string rest)
    {
        var builder = new StringBuilder(rest.Length);
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '%' && i + 2 < rest.Length && Uri.IsHexDigit(rest[i + 1]) && Uri.IsHexDigit(rest[i + 2]))
            {
                builder.Append(c);
            }
            else if (c < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?#".Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < rest.Length && char.IsLowSurrogate(rest[i + 1]) ? 2 : 1;
                foreach (var b in Encoding.UTF8.GetBytes(rest.Substring(i, length)))
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }

                i += length - 1;
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}
