using FacePortal.Web.Components.Shared;
using MudBlazor;

namespace FacePortal.Web.People;

/// <summary>The one rename dialog and the one delete confirmation for a person, used by the list and the person page.</summary>
public static class PersonDialogs
{
    /// <summary>Shows the rename dialog; the new name when the person was renamed, else null.</summary>
    public static async Task<string?> RenameAsync(IDialogService dialogs, PeopleService people, Guid id, string currentName, string actor)
    {
        var parameters = new DialogParameters<PersonNameDialog>
        {
            { d => d.Title, $"Rename {currentName}" },
            { d => d.SaveText, "Rename" },
            { d => d.InitialName, currentName },
            { d => d.Save, async name => (await people.RenameAsync(id, name, actor)).Error },
            { d => d.FindExisting, async name => await people.FindByNameAsync(name) is { } other && other != id ? other : null },
        };
        var dialog = await dialogs.ShowAsync<PersonNameDialog>("Rename", parameters);
        return await dialog.Result is { Canceled: false, Data: string renamed } ? renamed : null;
    }

    public static Task<bool> ConfirmDeleteAsync(IDialogService dialogs, string name, int photos, int faces) =>
        dialogs.ConfirmAsync(
            $"Delete {name}?",
            $"This deletes {name}, {photos} photo(s) and {faces} face(s) with their embeddings, from the database and from disk. It cannot be undone.");

    public static string DescribeDeletion(string name, DeletionReport report) => report.Found
        ? $"Deleted {name}: {report.Photos} photo(s), {report.Faces} face(s), {report.FilesDeleted} file(s) removed from disk."
        : $"{name} was already deleted.";
}
