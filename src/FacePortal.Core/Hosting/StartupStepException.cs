namespace FacePortal.Core.Hosting;

/// <summary>A start-up step failed; the message names the step, the inner exception is what went wrong.</summary>
public sealed class StartupStepException(string step, Exception inner)
    : Exception($"the start-up step '{step}' failed: {inner.Message}", inner)
{
    public string Step { get; } = step;
}
