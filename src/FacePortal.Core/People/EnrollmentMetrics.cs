using System.Diagnostics.Metrics;
using FacePortal.Core.Telemetry;

namespace FacePortal.Core.People;

/// <summary>Counts enrollment attempts by what became of them (accepted, with a warning, or rejected and why).</summary>
public sealed class EnrollmentMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _outcomes = meters.PortalMeter().CreateCounter<long>(
        "faceportal.enrollments",
        unit: "{photo}",
        description: "Photos (and imported crops) offered for enrollment, by outcome and, for rejections, the reason.");

    public void Record(EnrollmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _outcomes.Add(
            1,
            new KeyValuePair<string, object?>("faceportal.enrollment.outcome", Snake(result.Status.ToString())),
            new KeyValuePair<string, object?>("faceportal.enrollment.rejection_reason", Snake(result.Reason.ToString())));
    }

    /// <summary>OpenTelemetry attribute values are lower snake case: AcceptedWithWarning is accepted_with_warning.</summary>
    internal static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
