using System.Text.Json;
using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Support;

/// <summary>What has keyboard focus on a page, and whether it is visibly marked: the keyboard tests' one probe.</summary>
public static class KeyboardFocus
{
    // Marked = an outline or a shadow is drawn, and the browser would show it for keyboard focus (:focus-visible).
    private const string FocusedScript = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return JSON.stringify({ id: '', role: '', text: '', visible: false, name: 'body' });
          const style = getComputedStyle(e);
          const marked = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
          return JSON.stringify({ id: e.id || '', role: e.getAttribute('role') || e.tagName.toLowerCase(), text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 60),
                   visible: marked && e.matches(':focus-visible'), name: e.getAttribute('aria-label') || '' });
        }
        """;

    public static async Task<Focused> FocusedAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return JsonSerializer.Deserialize<Focused>(await page.EvaluateAsync<string>(FocusedScript), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> holds for the focused element, at most <paramref name="presses"/>
    /// times, reading focus only once it has settled: MudBlazor's focus trap moves focus from its edge sentinels by a
    /// round trip to the server, so an immediate read can see the sentinel or the element before it.
    /// </summary>
    public static async Task<Focused> TabUntilAsync(IPage page, Func<Focused, bool> target, int presses = 8)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        var focused = await SettledFocusAsync(page);
        for (var i = 0; i < presses && !target(focused); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await SettledFocusAsync(page);
        }

        return focused;
    }

    /// <summary>The focused element once two reads 150 ms apart agree and it is a control, not a trap's empty sentinel.</summary>
    public static async Task<Focused> SettledFocusAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var last = await FocusedAsync(page);
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(150);
            var now = await FocusedAsync(page);
            if (now == last && (now.Text.Length > 0 || now.Name.Length > 0 || now.Id.Length > 0))
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    /// <summary>
    /// Presses Tab from the top of the page until focus leaves it (or <paramref name="limit"/> stops), asserting each
    /// stop is visibly marked; returns the stops in order.
    /// </summary>
    public static async Task<List<Focused>> TabThroughAsync(IPage page, int limit = 80)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Blazor's FocusOnNavigate puts focus on the page's h1 once the circuit renders, which can be after the page says
        // it is ready: wait for it (briefly), or it pulls focus away mid-walk.
        try
        {
            await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'", null, new PageWaitForFunctionOptions { Timeout = 3_000 });
        }
        catch (TimeoutException)
        {
            // A page whose h1 was focused and left already, or that has none: nothing to wait for.
        }

        // Tab starts after the last focused or clicked place; a focusable-by-script origin at the top of the body makes
        // it start at the page's first control, whatever happened before.
        await page.EvaluateAsync("() => { const o = document.createElement('span'); o.id = 'tab-origin'; o.tabIndex = -1; document.body.prepend(o); o.focus(); }");
        var seen = new List<Focused>();
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            if (focused.Name == "body")
            {
                break;
            }

            // The h1 takes focus only from script (FocusOnNavigate, late): it is not a Tab stop, and its mark is not asked for.
            if (focused.Role == "h1")
            {
                continue;
            }

            seen.Add(focused);
            Assert.True(focused.Visible, $"Tab stop {i + 1} ({focused.Role} '{focused.Text}') shows no focus mark");
        }

        await page.EvaluateAsync("() => document.getElementById('tab-origin')?.remove()");
        return seen;
    }
}

/// <summary>The focused element: its id, role, text, whether a focus mark is drawn, and its accessible label.</summary>
public sealed record Focused(string Id, string Role, string Text, bool Visible, string Name);
