namespace FacePortal.Shared.OpenSet;

/// <summary>
/// Turns a false-match rate into a similarity threshold for a gallery of a given size. A stranger is
/// compared with everyone enrolled, so the same threshold names more strangers as the gallery grows: the
/// threshold is the lowest similarity at which the expected share of strangers named stays within the rate.
/// </summary>
public sealed class OperatingPointCalculator(ImpostorProfile model, GalleryStatisticsWeighting weighting)
{
    public ImpostorProfile Model { get; } = model;

    /// <param name="maxFalseMatchRate">The share of strangers that may be named, 0..1.</param>
    /// <param name="people">People enrolled: the comparisons a stranger faces at the gallery's own statistics.</param>
    /// <param name="faces">Faces enrolled: the comparisons at the model's statistics, which are per face.</param>
    /// <param name="gallery">The gallery's own profile (each face against the other people), or null while it is too small.</param>
    /// <param name="fixedThreshold">An explicit threshold that overrides the rate.</param>
    public OperatingPoint Compute(double maxFalseMatchRate, int people, int faces, ImpostorProfile? gallery = null, float? fixedThreshold = null)
    {
        var weight = gallery is null ? 0 : weighting.WeightAt(people);
        double Rate(float t) =>
            ((1 - weight) * Model.FalseMatchRate(t, Math.Max(faces, people))) + (weight > 0 ? weight * gallery!.FalseMatchRate(t, people) : 0);

        if (fixedThreshold is { } fixedAt)
        {
            return new OperatingPoint(maxFalseMatchRate, people, fixedAt, Rate(fixedAt), OperatingPointBasis.FixedThreshold, weight);
        }

        // The rate falls as the threshold rises: bisect for the lowest threshold within it.
        float low = -1, high = 1;
        for (var i = 0; i < 40; i++)
        {
            var mid = (low + high) / 2;
            if (Rate(mid) > maxFalseMatchRate)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return new OperatingPoint(
            maxFalseMatchRate, people, high, Rate(high), weight > 0 ? OperatingPointBasis.GalleryStatistics : OperatingPointBasis.ModelStatistics, weight);
    }
}

/// <summary>
/// How far the gallery's own statistics are trusted beside the model's: not at all below
/// <see cref="FromPeople"/>, fully from <see cref="FullAtPeople"/>, linearly between. A small gallery's
/// tails rest on few comparisons; a large one measures the very faces and cameras it will meet.
/// </summary>
public sealed record GalleryStatisticsWeighting(int FromPeople, int FullAtPeople)
{
    public static GalleryStatisticsWeighting Default { get; } = new(50, 500);

    public double WeightAt(int people) =>
        people < FromPeople ? 0 : FullAtPeople <= FromPeople ? 1 : Math.Clamp((people - FromPeople) / (double)(FullAtPeople - FromPeople), 0, 1);
}
