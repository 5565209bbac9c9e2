namespace FacePortal.Training.Data;

/// <summary>
/// A seeded, stratified train/validation split: each class gives the same fraction to validation
/// (at least one face when it has two or more), so small classes are never left out of either side.
/// </summary>
public static class StratifiedSplit
{
    public static (int[] Train, int[] Validation) Split(IReadOnlyList<int> labels, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(validationFraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(validationFraction, 1);
        var random = new Random(seed);
        var train = new List<int>();
        var validation = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var take = members.Length < 2 || validationFraction == 0
                ? 0
                : Math.Clamp((int)Math.Round(members.Length * validationFraction), 1, members.Length - 1);
            validation.AddRange(members[..take]);
            train.AddRange(members[take..]);
        }

        train.Sort();
        validation.Sort();
        return (train.ToArray(), validation.ToArray());
    }
}
