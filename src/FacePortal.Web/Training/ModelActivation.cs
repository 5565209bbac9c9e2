using FacePortal.Core.Recognition;
using FacePortal.Web.Accounts;
using FacePortal.Core.Training;
using FacePortal.Web.Components.Shared;
using MudBlazor;

namespace FacePortal.Web.Training;

/// <summary>
/// Putting a model (or the gallery) in use, the same way from the Models and job pages: it changes who every page
/// and application names, so it is confirmed first (the app's one confirmation box) and said after in a toast.
/// Made by the page from its own services (so a test's dialog provider is the one asked).
/// </summary>
public sealed class ModelActivation(IDialogService dialogs, ISnackbar snackbar, ActiveModelService activeModels, CurrentUser currentUser, UserTime userTime)
{
    /// <summary>Asks, then puts <paramref name="model"/> in use, or the gallery when it is null; true when it changed.</summary>
    public async Task<bool> ActivateAsync(TrainedModel? model)
    {
        var (title, message, done) = model is null
            ? ("Use the gallery?",
               "Faces are named by their nearest enrolled face again, on every page and for every application, from the next photo or frame.",
               "Recognition uses the gallery.")
            : ("Use this model?",
               $"The {Checkpoint(model)} checkpoint trained {userTime.Format(model.CreatedAt)} ({model.ValidationAccuracy:P1} on validation) "
               + "names faces on every page and for every application, from the next photo or frame.",
               $"Recognition uses the {Checkpoint(model)} model trained {userTime.Format(model.CreatedAt)}.");
        if (!await dialogs.ConfirmAsync(title, message, yesText: "Use"))
        {
            return false;
        }

        var activated = await activeModels.ActivateAsync(model?.Id, await currentUser.NameAsync());
        snackbar.Add(activated ? done : "This model no longer exists.", activated ? Severity.Success : Severity.Error);
        return activated;
    }

    private static string Checkpoint(TrainedModel model) => model.Kind == "best" ? "best" : "last-epoch";
}
