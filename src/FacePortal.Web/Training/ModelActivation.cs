using FacePortal.Web.Components.Shared;
using MudBlazor;

namespace FacePortal.Web.Training;

/// <summary>
/// Putting a model (or a gallery's enrolled faces alone) in use, the same way from the Models and job pages: it changes who
/// every page and application searching that gallery names, so it is confirmed first (the app's one confirmation box) and
/// said after in a toast. Made by the page from its own services (so a test's dialog provider is the one asked).
/// </summary>
/// <remarks>
/// The gallery is named in the sentences only when there are several (<c>galleryName</c> null otherwise): with one, every
/// search is in it and the name would only puzzle.
/// </remarks>
public sealed class ModelActivation(IDialogService dialogs, ISnackbar snackbar, ActiveModelService activeModels, CurrentUser currentUser, UserTime userTime)
{
    /// <summary>Asks, then puts <paramref name="model"/> in use in the gallery whose people it learnt; true when it changed.</summary>
    public async Task<bool> ActivateAsync(TrainedModel model, string? galleryName)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!await dialogs.ConfirmAsync(
                "Use this model?",
                $"The {Checkpoint(model)} checkpoint trained {userTime.Format(model.CreatedAt)} ({model.ValidationAccuracy:P1} on validation) names faces {Where(galleryName)}, from the next photo or frame.",
                yesText: "Use"))
        {
            return false;
        }

        var activated = await activeModels.ActivateAsync(model.Id, await currentUser.NameAsync());
        snackbar.Add(
            activated ? $"Recognition{In(galleryName)} uses the {Checkpoint(model)} model trained {userTime.Format(model.CreatedAt)}." : "This model no longer exists.",
            activated ? Severity.Success : Severity.Error);
        return activated;
    }

    /// <summary>Asks, then puts <paramref name="galleryId"/>'s enrolled faces alone (no trained model) in use there; true when it changed.</summary>
    public async Task<bool> UseGalleryAsync(Guid galleryId, string? galleryName)
    {
        if (!await dialogs.ConfirmAsync("Use the gallery?", $"Faces are named by their nearest enrolled face again {Where(galleryName)}, from the next photo or frame.", yesText: "Use"))
        {
            return false;
        }

        await activeModels.UseGalleryAsync(galleryId, await currentUser.NameAsync());
        snackbar.Add($"Recognition{In(galleryName)} uses the gallery.", Severity.Success);
        return true;
    }

    private static string Where(string? galleryName) =>
        galleryName is null ? "on every page and for every application" : $"in {galleryName}, on every page and for every application that searches it";

    private static string In(string? galleryName) => galleryName is null ? string.Empty : $" in {galleryName}";

    private static string Checkpoint(TrainedModel model) => model.Kind == "best" ? "best" : "last-epoch";
}
