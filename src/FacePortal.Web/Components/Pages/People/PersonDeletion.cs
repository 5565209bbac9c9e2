using FacePortal.Shared.Identities;
using MudBlazor;

namespace FacePortal.Web.Components.Pages.People;

/// <summary>The one confirmation and the one message for deleting a person, used by the list and the person page.</summary>
public static class PersonDeletion
{
    public static Task<bool?> ConfirmAsync(IDialogService dialogs, string name, int photos, int faces) =>
        dialogs.ShowMessageBoxAsync(
            $"Delete {name}?",
            $"This deletes {name}, {photos} photo(s) and {faces} face(s) with their embeddings, from the database and from disk. It cannot be undone.",
            yesText: "Delete",
            cancelText: "Cancel");

    public static string Describe(string name, DeletionReport report) => report.Found
        ? $"Deleted {name}: {report.Photos} photo(s), {report.Faces} face(s), {report.FilesDeleted} file(s) removed from disk."
        : $"{name} was already deleted.";
}
