using System.Numerics.Tensors;
using FacePortal.Shared.Evaluation;

namespace FacePortal.Training.Metric;

/// <summary>
/// N-way 1-shot identification and verification over unit vectors of labelled faces (raw
/// embeddings or projected ones): the evaluation a metric gets on people it never saw.
/// </summary>
public static class OneShotEvaluation
{
    /// <summary>
    /// Mean accuracy over <paramref name="episodes"/> seeded episodes: each picks
    /// <paramref name="ways"/> people (all of them when there are no more), enrolls one random face
    /// of each, and names every other face of those people by its nearest enrolled face.
    /// </summary>
    public static double Accuracy(IReadOnlyList<float[]> vectors, IReadOnlyList<int> labels, int ways, int episodes, int seed)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(ways, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(episodes, 1);
        var rowsByPerson = Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).Where(g => g.Count() >= 2).OrderBy(g => g.Key)
            .Select(g => g.ToArray()).ToArray();
        if (rowsByPerson.Length < 2)
        {
            throw new ArgumentException("A one-shot test needs at least two people with two faces or more.", nameof(labels));
        }

        var random = new Random(seed);
        double sum = 0;
        for (var episode = 0; episode < episodes; episode++)
        {
            var people = rowsByPerson.ToArray();
            random.Shuffle(people);
            var chosen = people.Take(Math.Min(ways, people.Length)).ToArray();
            var enrolled = chosen.Select(rows => rows[random.Next(rows.Length)]).ToArray();
            int correct = 0, probes = 0;
            for (var person = 0; person < chosen.Length; person++)
            {
                foreach (var probe in chosen[person].Where(r => r != enrolled[person]))
                {
                    var best = 0;
                    var bestSimilarity = float.NegativeInfinity;
                    for (var candidate = 0; candidate < enrolled.Length; candidate++)
                    {
                        var similarity = TensorPrimitives.Dot(vectors[probe], vectors[enrolled[candidate]]);
                        if (similarity > bestSimilarity)
                        {
                            (best, bestSimilarity) = (candidate, similarity);
                        }
                    }

                    correct += best == person ? 1 : 0;
                    probes++;
                }
            }

            sum += correct / (double)probes;
        }

        return sum / episodes;
    }

    /// <summary>Every pair of faces, scored by the dot product (cosine of unit vectors).</summary>
    public static IReadOnlyList<VerificationPair> Pairs(IReadOnlyList<float[]> vectors, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(labels);
        var pairs = new List<VerificationPair>(vectors.Count * (vectors.Count - 1) / 2);
        for (var i = 0; i < vectors.Count; i++)
        {
            for (var j = i + 1; j < vectors.Count; j++)
            {
                pairs.Add(new VerificationPair(TensorPrimitives.Dot(vectors[i], vectors[j]), labels[i] == labels[j]));
            }
        }

        return pairs;
    }
}
