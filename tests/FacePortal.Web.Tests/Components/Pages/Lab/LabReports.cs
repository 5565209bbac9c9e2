using FacePortal.Core.Lab;
using FacePortal.Shared.Analysis;
using FacePortal.Shared.Faces.Quality;

namespace FacePortal.Web.Tests.Components.Pages.Lab;

/// <summary>
/// A lab report on synthetic embeddings: Ann, Bob and Cy with six faces each around their own direction,
/// one of Ann's faces filed under Cy, one of Bob's faces twice (under Bob and Ann) and one dark face.
/// </summary>
internal static class LabReports
{
    public static LabReport Sample()
    {
        var random = new Random(4);
        string[] names = ["Ann", "Bob", "Cy"];
        var people = names.Select(n => new LabPerson(Guid.NewGuid(), n, 0)).ToList();
        var faces = new List<LabFace>();
        var survey = new List<SurveyFace>();
        var good = new FaceQuality(120, 300, 120, 0.9f, 2);
        void Add(int person, int direction, FaceQuality quality, float[]? embedding = null)
        {
            embedding ??= Enumerable.Range(0, 32).Select(d => (d == direction ? 1f : 0f) + (0.6f * (float)(random.NextDouble() - 0.5))).ToArray();
            faces.Add(new LabFace(Guid.NewGuid(), people[person].Id, person, DateTime.UtcNow, quality));
            survey.Add(new SurveyFace(person, embedding, quality));
        }

        for (var p = 0; p < 3; p++)
        {
            for (var f = 0; f < 6; f++)
            {
                Add(p, p, p == 2 && f == 5 ? good with { Brightness = 20 } : good);
            }
        }

        Add(2, 0, good);
        Add(0, -1, good, survey[6].Embedding);
        people = people.Select((p, i) => p with { Faces = faces.Count(f => f.Person == i) }).ToList();
        return new LabReport(faces, people, EmbeddingSurvey.Run(survey, 3), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20));
    }
}
