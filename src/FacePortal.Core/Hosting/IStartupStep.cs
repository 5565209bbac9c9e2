namespace FacePortal.Core.Hosting;

/// <summary>
/// One piece of the work a node does before it serves or runs anything (check the disk, load the
/// models, migrate, ...). Features register their steps with <see cref="StartupRegistration.AddStartupStep{TStep}"/>;
/// <see cref="StartupRunner"/> runs them by <see cref="Order"/>, in every host that registers them.
/// A step's constructor should be cheap: the heavy services are resolved when it runs, so listing the steps loads nothing.
/// </summary>
public interface IStartupStep
{
    /// <summary>What the step does, as the log and a failure name it ("migrate the database").</summary>
    string Name { get; }

    /// <summary>When it runs; lower first. The places are in <see cref="StartupOrder"/>; two steps may not share one.</summary>
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
