namespace FacePortal.TestSupport;

/// <summary>Which build of the web app <see cref="PortalServer"/> starts, and how.</summary>
public sealed record PortalLaunch
{
    /// <summary>As ./run.sh starts it: the build of the test's own configuration, from the repository.</summary>
    public static PortalLaunch RunScript { get; } = new();

    /// <summary>The folder holding FacePortal.Web.dll; null for src/FacePortal.Web/bin/{configuration}/net10.0.</summary>
    public string? ApplicationFolder { get; init; }

    /// <summary>
    /// Null: from the repository with <c>--contentRoot</c>, as ./run.sh does. A folder: from there with
    /// no <c>--contentRoot</c>, as a service manager or a container starts it.
    /// </summary>
    public string? WorkingDirectory { get; init; }
}
