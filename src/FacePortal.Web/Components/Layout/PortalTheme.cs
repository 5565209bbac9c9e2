using MudBlazor;

namespace FacePortal.Web.Components.Layout;

/// <summary>The portal's colours, in one place.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",

            // Darker than MudBlazor's defaults so that secondary text on the page background and white text on
            // red (delete) buttons reach the 4.5:1 contrast WCAG AA asks for (axe flagged 4.45 and 3.68).
            TextSecondary = "rgba(0,0,0,0.64)",
            Error = "#d32f2f",

            // Info alerts and success chips draw text in these colours on their own light tint: MudBlazor's
            // #0c80df and #00c853 reach only 3.5:1 and 2.1:1 there (axe color-contrast, issue 22).
            Info = "#1565c0",
            Success = "#2e7d32",
        },
    };
}
