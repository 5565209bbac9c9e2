namespace FacePortal.Training.Metric;

/// <summary>
/// People, not faces, divided into those the metric trains on and those it is tested on, so the
/// one-shot test measures how the metric does on people it never saw. Seeded.
/// </summary>
public sealed record PeopleSplit(IReadOnlySet<int> Train, IReadOnlySet<int> Test)
{
    /// <summary>
    /// A seeded share of the people with at least two faces (a one-shot test enrolls one and
    /// probes with the rest) goes to test, at least two and never so many that fewer than two
    /// remain to train on; everyone else trains.
    /// </summary>
    public static PeopleSplit Of(IReadOnlyList<int> labels, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(testFraction, 1);
        var people = labels.Distinct().Order().ToArray();
        var eligible = labels.GroupBy(l => l).Where(g => g.Count() >= 2).Select(g => g.Key).Order().ToArray();
        var count = Math.Clamp((int)Math.Round(people.Length * testFraction), 2, Math.Min(eligible.Length, people.Length - 2));
        if (count < 2)
        {
            throw new ArgumentException("A one-shot test needs at least four people, two of them with two faces or more.", nameof(labels));
        }

        new Random(seed).Shuffle(eligible);
        var test = eligible.Take(count).ToHashSet();
        return new PeopleSplit(people.Where(p => !test.Contains(p)).ToHashSet(), test);
    }
}
