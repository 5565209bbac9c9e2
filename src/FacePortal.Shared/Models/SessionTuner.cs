namespace FacePortal.Shared.Models;

/// <summary>How long the tuner may time one model. Start-up must stay quick, so the budget is small and bounded.</summary>
public sealed record TuningBudget
{
    /// <summary>Rounds every candidate gets before any is dropped.</summary>
    public int DropAfterRounds { get; init; } = 3;

    /// <summary>Rounds the candidates still in the race get before the clock is looked at (fast models get many more).</summary>
    public int MinRounds { get; init; } = 5;

    public int MaxRounds { get; init; } = 20;

    /// <summary>Timing stops after this much once <see cref="MinRounds"/> are done.</summary>
    public TimeSpan Time { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>A candidate whose fastest run is this many times the best one's is dropped: it cannot win, and it is the slow one.</summary>
    public double DropFactor { get; init; } = 1.5;

    /// <summary>The default (first) candidate keeps its place unless another is faster by more than this fraction.</summary>
    public double DefaultMargin { get; init; } = 0.05;

    public static TuningBudget Default { get; } = new();
}

/// <summary>A session ready for use, and why it has its setting.</summary>
public sealed record TunedSession(InferenceSession Session, SessionTuningReport Report);

/// <summary>
/// Builds a model's CPU session with the setting that runs fastest on this machine. Candidates
/// are timed in interleaved rounds on synthetic input (so a burst of other work on the machine
/// hits them alike), each by its fastest run (other work only ever adds time to a run, so the
/// fastest is the best estimate of the setting's own cost); the decision is cached under a key of the CPU, the ONNX
/// Runtime version, the model's SHA-256 and the thread count, so later starts only read it.
/// </summary>
public sealed class SessionTuner(TuningCache cache, TuningEnvironment environment, TuningBudget? budget = null)
{
    private readonly TuningBudget _budget = budget ?? TuningBudget.Default;

    public TuningCache Cache { get; } = cache;

    public TuningEnvironment Environment { get; } = environment;

    public TunedSession Load(string modelPath, string modelSha256, SessionTuning tuning)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var started = Stopwatch.GetTimestamp();
        var file = Path.GetFileName(modelPath);

        if (SessionSetting.Fixed(tuning) is { } configured)
        {
            var session = Create(modelPath, configured);
            var note = tuning == SessionTuning.Off ? "tuning is off" : null;
            return new TunedSession(session, new SessionTuningReport(file, configured.Name, TuningSource.Configured, [], Stopwatch.GetElapsedTime(started), Note: note));
        }

        var key = TuningKey.For(Environment, modelSha256);
        var cached = Cache.Read(file, key);
        if (cached is not null && SessionSetting.FromName(cached.Setting) is { } known)
        {
            var session = Create(modelPath, known);
            return new TunedSession(session, new SessionTuningReport(
                file, known.Name, TuningSource.Cached, cached.Timings, Stopwatch.GetElapsedTime(started), cached.MeasuredAt));
        }

        var (winner, chosen, timings) = Measure(modelPath);
        var measuredAt = DateTimeOffset.UtcNow;
        var cacheNote = Cache.Write(file, new CachedTuning(key, chosen.Name, timings, measuredAt));
        return new TunedSession(winner, new SessionTuningReport(
            file, chosen.Name, TuningSource.Measured, timings, Stopwatch.GetElapsedTime(started), measuredAt, cacheNote));
    }

    private (InferenceSession Session, SessionSetting Setting, IReadOnlyList<SettingTiming> Timings) Measure(string modelPath)
    {
        var contenders = new List<Contender>();
        try
        {
            foreach (var candidate in SessionSetting.Candidates)
            {
                contenders.Add(new Contender(candidate, Create(modelPath, candidate)));
            }

            using var input = SyntheticInput.For(contenders[0].Session!);
            foreach (var contender in contenders)
            {
                // The first run allocates and initialises kernels; it is not what requests see.
                input.Run(contender.Session!);
            }

            var clock = Stopwatch.StartNew();
            for (var round = 1; round <= _budget.MaxRounds; round++)
            {
                foreach (var contender in contenders.Where(c => c.Session is not null))
                {
                    contender.Times.Add(input.Run(contender.Session!).TotalMilliseconds);
                }

                if (round >= _budget.DropAfterRounds)
                {
                    var alive = contenders.Where(c => c.Session is not null).ToList();
                    var best = alive.Min(c => c.Best);
                    foreach (var slow in alive.Where(c => c.Best > best * _budget.DropFactor))
                    {
                        slow.Drop();
                    }
                }

                if (round < _budget.MinRounds)
                {
                    continue;
                }

                if (clock.Elapsed >= _budget.Time || contenders.Count(c => c.Session is not null) == 1)
                {
                    break;
                }
            }

            var remaining = contenders.Where(c => c.Session is not null).ToList();
            var winner = remaining.MinBy(c => c.Best)!;
            var preferred = contenders[0];
            if (preferred.Session is not null && preferred.Best <= winner.Best * (1 + _budget.DefaultMargin))
            {
                winner = preferred;
            }

            foreach (var other in remaining.Where(c => c != winner))
            {
                other.Drop();
            }

            var timings = contenders.Select(c => new SettingTiming(c.Setting.Name, Math.Round(c.Best, 3), Math.Round(c.Median, 3), c.Times.Count)).ToList();
            return (winner.Session!, winner.Setting, timings);
        }
        catch
        {
            contenders.ForEach(c => c.Drop());
            throw;
        }
    }

    private InferenceSession Create(string modelPath, SessionSetting setting)
    {
        using var options = setting.CreateOptions(Environment.IntraOpThreads);
        return new InferenceSession(modelPath, options);
    }

    private sealed class Contender(SessionSetting setting, InferenceSession session)
    {
        public SessionSetting Setting { get; } = setting;

        public InferenceSession? Session { get; private set; } = session;

        public List<double> Times { get; } = [];

        public double Best => Times.Min();

        public double Median
        {
            get
            {
                var sorted = Times.Order().ToArray();
                var middle = sorted.Length / 2;
                return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            }
        }

        public void Drop()
        {
            Session?.Dispose();
            Session = null;
        }
    }
}
