using FacePortal.Core.Storage;
using FacePortal.Shared.Models;
using Microsoft.Extensions.Options;

namespace FacePortal.Web.Errors;

/// <summary>Start-up failures a person can fix (a model file, a setting, the data directory's disk), told in one line instead of a stack trace.</summary>
public static class StartupFailure
{
    /// <summary>The sentence to print, or null when the failure is not one of these.</summary>
    public static string? Explain(Exception exception) => exception switch
    {
        ModelFileException model => model.Message,
        OptionsValidationException settings => string.Join(" ", settings.Failures),
        DataDirectoryException dataDirectory => dataDirectory.Message,

        // Several settings types can be wrong at once; the host gathers them.
        AggregateException all when all.InnerExceptions.All(e => Explain(e) is not null) => string.Join(" ", all.InnerExceptions.Select(Explain)),

        // The data directory passed its check, but a part of it did not (a database file that is read-only, a disk that filled up).
        _ when StorageFailure.Of(exception) is { } storage =>
            $"it could not save its data ({storage.Reason}: {exception.GetBaseException().Message}); make the data directory (FacePortal__DataDirectory) and everything in it writable, with free space.",
        _ => null,
    };
}
