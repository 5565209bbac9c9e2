using FacePortal.Shared.Analysis;

namespace FacePortal.Core.Lab;

/// <summary>One enrolled face as the lab shows it; its number in <see cref="LabReport.Faces"/> is the survey's face number.</summary>
/// <param name="FacesInPhoto">How many faces its photo holds (<c>Photo.FacesFound</c>); above 1, it was picked from a group photo.</param>
public sealed record LabFace(Guid FaceId, Guid PersonId, int Person, DateTime AddedAt, FaceQuality Quality, int FacesInPhoto = 1)
{
    public bool FromGroupPhoto => FacesInPhoto > 1;
}

/// <summary>A person in the lab: their number in the survey, and how many of their faces passed the filter.</summary>
public sealed record LabPerson(Guid Id, string Name, int Faces);

/// <summary>The faces that passed the filter, the people they belong to, and what the survey found in them.</summary>
public sealed record LabReport(IReadOnlyList<LabFace> Faces, IReadOnlyList<LabPerson> People, SurveyReport Survey, TimeSpan LoadTime, TimeSpan AnalysisTime)
{
    public LabPerson PersonOf(int face) => People[Faces[face].Person];

    /// <summary>
    /// Faces enrolled from photos that hold several faces (the survey's face numbers). Before enrolment
    /// asked which face is the person, the primary face was taken: it may be a stranger beside them.
    /// </summary>
    public IReadOnlyList<int> FromGroupPhotos => [.. Enumerable.Range(0, Faces.Count).Where(i => Faces[i].FromGroupPhoto)];

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
