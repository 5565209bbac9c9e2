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
        },
    };
}
