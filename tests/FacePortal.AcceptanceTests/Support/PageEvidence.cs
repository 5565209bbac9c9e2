using FacePortal.TestSupport;
using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Support;

/// <summary>Screenshots to look at, and failures that carry the page as it was and the server's log.</summary>
public static class PageEvidence
{
    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoLocations.Screenshots, name), FullPage = true });

    /// <summary>Runs a step; when it fails, saves <c>failure-*.png</c> and adds the tail of the server log to the error.</summary>
    public static async Task Diagnose(IPage page, BrowserFixture fixture, Func<Task> step, string name = "failure")
    {
        try
        {
            await step();
        }
        catch (Exception ex)
        {
            await Shot(page, $"{name}.png");
            throw new InvalidOperationException($"{ex.Message}\n--- server log (tail) ---\n{string.Join('\n', fixture.Server.Log.Split('\n').TakeLast(60))}", ex);
        }
    }

    /// <summary>
    /// Makes every Content Security Policy violation in <paramref name="context"/> a console error
    /// starting "CSP violation", so the console checks catch them all, whatever Chromium itself logs.
    /// </summary>
    public static Task ReportCspViolationsAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error("
            + "`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} on ${e.documentURI} ${e.sample || ''}`));");
    }

    /// <summary>Console errors the page logs from now on; a test asserts the list is empty at its end.</summary>
    public static List<string> ConsoleErrors(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        return errors;
    }
}
