using FacePortal.Core.Lab;

namespace FacePortal.Web.Lab;

/// <summary>
/// What <c>wwwroot/js/lab-scatter.js</c> draws: parallel arrays, one entry per face (no object per point,
/// so 10,000 faces are a compact message), and the people's names, ids and colours by person number.
/// </summary>
public sealed record ScatterPoints(
    float[] Xs, float[] Ys, int[] People, string[] Faces, string[] Names, string[] PersonIds, string[] Colours)
{
    public static ScatterPoints From(LabReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var projection = report.Survey.Projection;
        return new ScatterPoints(
            projection?.X ?? [],
            projection?.Y ?? [],
            report.Faces.Select(f => f.Person).ToArray(),
            report.Faces.Select(f => f.FaceId.ToString()).ToArray(),
            report.People.Select(p => p.Name).ToArray(),
            report.People.Select(p => p.Id.ToString()).ToArray(),
            Enumerable.Range(0, report.People.Count).Select(PersonColours.Of).ToArray());
    }
}
