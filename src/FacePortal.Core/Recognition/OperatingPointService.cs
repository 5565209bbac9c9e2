using System.Collections.Concurrent;

namespace FacePortal.Core.Recognition;

/// <summary>
/// The operating point of the gallery as it is now: the threshold that keeps the share of strangers named
/// within <see cref="RecognitionOptions.MaxFalseMatchRate"/> for the people enrolled. The model's shipped
/// statistics give it at once for any size; once the gallery is large enough its own statistics (each face
/// against the other people) are measured in the background after a change and blended in. Both depend only
/// on what is enrolled, so every node holding the same gallery decides at the same point. Each gallery has
/// its own point (its size and its statistics), kept by <see cref="GalleryIndex.GalleryId"/>.
/// </summary>
public sealed class OperatingPointService
{
    private readonly RecognitionOptions _options;
    private readonly RecognitionRate _rate;
    private readonly OperatingPointCalculator _calculator;
    private readonly ILogger<OperatingPointService> _logger;
    private readonly ConcurrentDictionary<Guid, GalleryState> _galleries = new();

    public OperatingPointService(RecognitionOptions options, RecognitionRate rate, ILogger<OperatingPointService> logger)
    {
        _options = options;
        _rate = rate;
        _logger = logger;
        var statistics = ImpostorStatistics.Shipped;
        if (statistics.MismatchWithPinnedModel() is { } mismatch)
        {
            throw new InvalidOperationException(mismatch);
        }

        Statistics = statistics;
        _calculator = new OperatingPointCalculator(statistics.ToProfile(), options.Weighting);
    }

    /// <summary>Where the model's statistics came from (shown to admins).</summary>
    public ImpostorStatistics Statistics { get; }

    /// <summary>The rate in use (the admin's setting, else configuration's), for 1:1 verification and display.</summary>
    public double MaxFalseMatchRate => _rate.MaxFalseMatchRate;

    /// <summary>The point for <paramref name="index"/> as it is now; cheap when nothing changed since the last call.</summary>
    public OperatingPoint For(GalleryIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Projection is { } metric)
        {
            return new OperatingPoint(_rate.MaxFalseMatchRate, index.PersonCount, metric.SimilarityThreshold, double.NaN, OperatingPointBasis.LearntMetric);
        }

        var state = StateOf(index);
        var version = index.Version;
        var revision = _rate.Revision;
        var cached = state.Cached;
        if (cached is { } c && ReferenceEquals(c.Index, index) && c.Version == version && c.Rate == revision)
        {
            return c.Point;
        }

        var people = index.PersonCount;
        var profile = GalleryProfileFor(state, index, version, people);
        var point = _calculator.Compute(_rate.MaxFalseMatchRate, people, index.FaceCount, profile, _rate.SimilarityThreshold);
        state.Cached = (index, version, revision, point);
        return point;
    }

    /// <summary>The threshold two photos are compared at: one comparison, at the configured rate.</summary>
    public OperatingPoint ForVerification() =>
        _calculator.Compute(_rate.MaxFalseMatchRate, 1, 1, null, _rate.SimilarityThreshold) with { OneToOne = true };

    /// <summary>Measures the gallery's own statistics now (not in the background) and returns the point they give.</summary>
    public async Task<OperatingPoint> RefreshAsync(GalleryIndex index, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        var state = StateOf(index);
        Task? running;
        lock (state.Gate)
        {
            running = state.Measuring;
        }

        if (running is not null)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var version = index.Version;
        var profile = await Task.Run(() => Measure(index), cancellationToken).ConfigureAwait(false);
        lock (state.Gate)
        {
            state.Profile = (index, version, profile);
            state.Cached = null;
        }

        return For(index);
    }

    /// <summary>The gallery profile to use now; starts measuring a newer one when the gallery changed.</summary>
    private ImpostorProfile? GalleryProfileFor(GalleryState state, GalleryIndex index, long version, int people)
    {
        if (people < _options.GalleryStatisticsFromPeople)
        {
            return null;
        }

        lock (state.Gate)
        {
            var current = state.Profile;
            var stale = current is not { } p || !ReferenceEquals(p.Index, index) || p.Version != version;
            if (stale && state.Measuring is null)
            {
                state.Measuring = Task.Run(async () =>
                {
                    // Enrolling a batch changes the gallery many times a second: measure once it settles.
                    await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                    var measuredVersion = index.Version;
                    try
                    {
                        var profile = Measure(index);
                        lock (state.Gate)
                        {
                            state.Profile = (index, measuredVersion, profile);
                            state.Cached = null;
                        }
                    }
                    catch (Exception ex)
                    {
                        _logger.LogError(ex, "Measuring the gallery's impostor statistics failed; the model's statistics stay in use.");
                    }
                    finally
                    {
                        lock (state.Gate)
                        {
                            state.Measuring = null;
                        }
                    }
                });
            }

            // A profile of another index (the gallery was reloaded) still describes the same people closely enough until the new one is ready.
            return current?.Profile;
        }
    }

    /// <summary>The gallery's own profile last measured for <paramref name="index"/> (for the settings page's plot), or null.</summary>
    public ImpostorProfile? GalleryProfile(GalleryIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return StateOf(index).Profile is { } p && ReferenceEquals(p.Index, index) ? p.Profile : null;
    }

    private GalleryState StateOf(GalleryIndex index) => _galleries.GetOrAdd(index.GalleryId, _ => new GalleryState());

    private static ImpostorProfile? Measure(GalleryIndex index) => GalleryStatistics.Profile(index.Faces());

    /// <summary>One gallery's cached point, its measured statistics and the measurement running for it.</summary>
    private sealed class GalleryState
    {
        public Lock Gate { get; } = new();

        public (GalleryIndex Index, long Version, long Rate, OperatingPoint Point)? Cached { get; set; }

        public (GalleryIndex Index, long Version, ImpostorProfile? Profile)? Profile { get; set; }

        public Task? Measuring { get; set; }
    }
}
