using FacePortal.Shared.Analysis;
using FacePortal.Shared.Faces.Quality;

namespace FacePortal.Core.Lab;

/// <summary>One enrolled face as the lab shows it; its number in <see cref="LabReport.Faces"/> is the survey's face number.</summary>
public sealed record LabFace(Guid FaceId, Guid PersonId, int Person, DateTime AddedAt, FaceQuality Quality);

/// <summary>A person in the lab: their number in the survey, and how many of their faces passed the filter.</summary>
public sealed record LabPerson(Guid Id, string Name, int Faces);

/// <summary>The faces that passed the filter, the people they belong to, and what the survey found in them.</summary>
public sealed record LabReport(IReadOnlyList<LabFace> Faces, IReadOnlyList<LabPerson> People, SurveyReport Survey, TimeSpan LoadTime, TimeSpan AnalysisTime)
{
    public LabPerson PersonOf(int face) => People[Faces[face].Person];

    /// <summary>The sharpest face of a person, other than <paramref name="except"/>: the one shown beside a name.</summary>
    public Guid? PortraitOf(int person, int except = -1)
    {
        var best = -1;
        for (var i = 0; i < Faces.Count; i++)
        {
            if (Faces[i].Person == person && i != except && (best < 0 || Faces[i].Quality.Sharpness > Faces[best].Quality.Sharpness))
            {
                best = i;
            }
        }

        return best < 0 ? null : Faces[best].FaceId;
    }
}
