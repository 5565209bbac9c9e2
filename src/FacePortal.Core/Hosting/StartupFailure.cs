using FacePortal.Shared.Models;
using Microsoft.Extensions.Options;

namespace FacePortal.Core.Hosting;

/// <summary>
/// Start-up failures a person can fix (a model file, a setting, the data directory's disk), told in
/// one line instead of a stack trace. The web app and <c>./faceportal worker</c> both print it.
/// </summary>
public static class StartupFailure
{
    /// <summary>The sentence to print, or null when the failure is not one of these (the host then shows its stack trace).</summary>
    public static string? Explain(Exception exception) => exception switch
    {
        // The step's name adds nothing to a sentence that already says what to do.
        StartupStepException { InnerException: { } inner } => Explain(inner),
        ModelFileException model => model.Message,
        OptionsValidationException settings => string.Join(" ", settings.Failures),
        DataDirectoryException dataDirectory => dataDirectory.Message,
        StartupCheckException check => check.Message,

        // Several settings types can be wrong at once; the host gathers them.
        AggregateException all when all.InnerExceptions.All(e => Explain(e) is not null) => string.Join(" ", all.InnerExceptions.Select(Explain)),

        // The data directory passed its check, but a part of it did not (a database file that is read-only, a disk that filled up).
        _ when StorageFailure.Of(exception) is { } storage =>
            $"it could not save its data ({storage.Reason}: {exception.GetBaseException().Message}); make the data directory (FacePortal__DataDirectory) and everything in it writable, with free space.",
        _ => null,
    };
}
