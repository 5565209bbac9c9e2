using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace FacePortal.Core.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide and the last host to configure Hangfire owns it. With
/// several hosts in one process (the functional tests), a host that starts its server just after
/// another host stopped would ask that host's disposed logger factory for a logger and fail to
/// start. Asked after its factory is gone, this provider answers with a logger that drops messages.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Dropped.Instance;
        }
    }

    private sealed class Dropped : ILog
    {
        public static readonly Dropped Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
