using MudBlazor;

namespace FacePortal.Web.Components.Shared;

/// <summary>The pages' one "are you sure?" box: a title, what will happen, and a button that does it beside Cancel.</summary>
public static class Confirmation
{
    /// <summary>True only when the user pressed <paramref name="yesText"/>; closing the box counts as no.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yesText = "Delete") =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: yesText, cancelText: "Cancel") == true;
}
