using FacePortal.Shared.Faces;
using FacePortal.Shared.Search;

namespace FacePortal.Shared.Evaluation;

/// <summary>
/// Leave-one-out open-set identification on labelled pairs, through the real <see cref="GalleryIndex"/>.
/// Identities are the connected groups of "same person" pairs. Each image is a probe twice: against
/// everyone else (it should be named, correctly: a genuine probe, when its identity has other images)
/// and against a gallery without its identity (it should be Unknown: an impostor probe).
/// </summary>
public static class OpenSetEvaluation
{
    public static OpenSetReport Run(FacePipeline pipeline, string imageDirectory, IReadOnlyList<LabelledPair> pairs, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var identities = PairIdentities.From(pairs);
        var (embeddings, unusable) = PrimaryFaceEmbeddings.Compute(pipeline, imageDirectory, identities.Keys, parallelism);
        var images = embeddings.Keys.ToList();
        var faceIds = images.ToDictionary(f => f, _ => Guid.NewGuid());
        var genuine = new List<GenuineProbe>();
        var impostor = new List<float>();
        foreach (var probe in images)
        {
            var identity = identities[probe];
            var query = embeddings[probe];
            var withOthers = Gallery(images.Where(f => f != probe), identities, embeddings, faceIds);
            if (images.Any(f => f != probe && identities[f] == identity))
            {
                var top = withOthers.Search(query, 1)[0];
                genuine.Add(new GenuineProbe(top.Similarity, top.PersonId == identity));
            }

            var withoutIdentity = Gallery(images.Where(f => identities[f] != identity), identities, embeddings, faceIds);
            if (withoutIdentity.Search(query, 1) is [var closest, ..])
            {
                impostor.Add(closest.Similarity);
            }
        }

        return new OpenSetReport(identities.Values.Distinct().Count(), images.Count, genuine, impostor, unusable);
    }

    private static GalleryIndex Gallery(
        IEnumerable<string> files, IReadOnlyDictionary<string, Guid> identities, IReadOnlyDictionary<string, float[]> embeddings, Dictionary<string, Guid> faceIds)
    {
        var index = new GalleryIndex();
        foreach (var file in files)
        {
            index.Add(new GalleryFace(faceIds[file], identities[file], file, embeddings[file]));
        }

        return index;
    }
}

/// <summary>A probe whose identity is in the gallery: the top similarity and whether the top person was right.</summary>
public sealed record GenuineProbe(float Similarity, bool Correct);

/// <summary>Open-set identification results and the rates at any threshold.</summary>
public sealed record OpenSetReport(
    int Identities,
    int Images,
    IReadOnlyList<GenuineProbe> Genuine,
    IReadOnlyList<float> Impostor,
    IReadOnlyDictionary<string, string> Unusable)
{
    /// <summary>Detection and identification rate: genuine probes named, and named correctly.</summary>
    public double IdentificationRate(float threshold) =>
        Genuine.Count == 0 ? 0 : Genuine.Count(p => p.Correct && p.Similarity >= threshold) / (double)Genuine.Count;

    /// <summary>False alarm rate: impostor probes given a name.</summary>
    public double FalseAlarmRate(float threshold) =>
        Impostor.Count == 0 ? 0 : Impostor.Count(s => s >= threshold) / (double)Impostor.Count;

    /// <summary>Lowest similarity of a correctly named genuine probe.</summary>
    public float LowestCorrect => Genuine.Where(p => p.Correct).Select(p => p.Similarity).DefaultIfEmpty(float.NaN).Min();

    public float HighestImpostor => Impostor.DefaultIfEmpty(float.NaN).Max();
}
