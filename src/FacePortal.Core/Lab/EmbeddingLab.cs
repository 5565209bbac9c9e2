using System.Diagnostics;
using FacePortal.Shared.Analysis;

namespace FacePortal.Core.Lab;

/// <summary>
/// Loads the enrolled faces and their embeddings (as the recognition gallery does) through a filter and
/// surveys them: the projection, clusters, look-alike people, likely mislabels, near-duplicates,
/// low-quality faces, and faces taken from group photos. Changes the admin makes from the lab go through <see cref="PeopleService"/>.
/// </summary>
public sealed class EmbeddingLab(IDbContextFactory<FacePortalDbContext> databases, LabOptions options, QualityRules quality)
{
    public SurveyOptions SurveyOptions { get; } = options.ToSurveyOptions() with { Quality = quality };

    public async Task<LabReport> AnalyseAsync(LabFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var clock = Stopwatch.StartNew();
        var rows = await LoadAsync(filter, cancellationToken).ConfigureAwait(false);
        var loaded = clock.Elapsed;

        var people = rows.Select(r => (r.PersonId, r.Name)).Distinct().OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.PersonId).ToList();
        var number = people.Select((p, i) => (p.PersonId, i)).ToDictionary(p => p.PersonId, p => p.i);
        var faces = rows.Select(r => new LabFace(r.Id, r.PersonId, number[r.PersonId], r.AddedAt, r.Quality, r.FacesInPhoto)).ToList();
        var counts = faces.CountBy(f => f.Person).ToDictionary();
        var survey = await Task.Run(
            () => EmbeddingSurvey.Run(rows.Select((r, i) => new SurveyFace(faces[i].Person, r.Embedding, r.Quality)).ToList(), people.Count, SurveyOptions, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return new LabReport(
            faces,
            people.Select((p, i) => new LabPerson(p.PersonId, p.Name, counts.GetValueOrDefault(i))).ToList(),
            survey,
            loaded,
            clock.Elapsed - loaded);
    }

    private async Task<List<Row>> LoadAsync(LabFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Faces.AsNoTracking();
        if (filter.GalleryId is { } galleryId)
        {
            query = query.Where(f => f.Person!.GalleryId == galleryId);
        }

        if (filter.People is { Count: > 0 } chosen)
        {
            query = query.Where(f => chosen.Contains(f.PersonId));
        }

        if (filter.From is { } from)
        {
            query = query.Where(f => f.AddedAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(f => f.AddedAt < to);
        }

        var rows = new List<Row>();
        var selected = query.OrderBy(f => f.AddedAt).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.PersonId, f.Person!.Name, f.AddedAt, f.SizePixels, f.Sharpness, f.Brightness, f.Frontalness, f.RollDegrees, f.Embedding, f.Photo!.FacesFound })
            .AsAsyncEnumerable();
        await foreach (var f in selected.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var quality = new FaceQuality(f.SizePixels, f.Sharpness, f.Brightness, f.Frontalness, f.RollDegrees);
            var low = SurveyOptions.Quality.Problems(quality).Count > 0;
            if (filter.Quality == LabQuality.All || (filter.Quality == LabQuality.Low) == low)
            {
                rows.Add(new Row(f.Id, f.PersonId, f.Name, f.AddedAt, quality, FloatBlob.ToFloats(f.Embedding), f.FacesFound));
            }
        }

        return rows;
    }

    private sealed record Row(Guid Id, Guid PersonId, string Name, DateTime AddedAt, FaceQuality Quality, float[] Embedding, int FacesInPhoto);
}
