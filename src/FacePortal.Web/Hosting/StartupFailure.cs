using FacePortal.Shared.Models;
using Microsoft.Extensions.Options;

namespace FacePortal.Web.Hosting;

/// <summary>Start-up failures a person can fix (a model file, a setting), told in one line instead of a stack trace.</summary>
public static class StartupFailure
{
    /// <summary>The sentence to print, or null when the failure is not one of these.</summary>
    public static string? Explain(Exception exception) => exception switch
    {
        ModelFileException model => model.Message,
        OptionsValidationException settings => string.Join(" ", settings.Failures),

        // Several settings types can be wrong at once; the host gathers them.
        AggregateException all when all.InnerExceptions.All(e => Explain(e) is not null) => string.Join(" ", all.InnerExceptions.Select(Explain)),
        _ => null,
    };
}
