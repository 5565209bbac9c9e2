using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Models;

namespace FacePortal.Cli.Commands;

/// <summary>Builds the face pipeline from the common options: --models DIR, --threads N, --min-score S, --tuning T.</summary>
public static class PipelineFactory
{
    public static (FaceModels Models, FacePipeline Pipeline) Create(CommandArguments args, int defaultThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FaceModelOptions
        {
            // A folder typed on the command line is relative to the working directory; the default is found from the install.
            Directory = args.Optional("models") is { } typed ? Path.GetFullPath(typed) : new FaceModelOptions().Directory,
            IntraOpThreads = args.Int("threads", defaultThreads),
            Tuning = Tuning(args.Optional("tuning")),
        };
        var models = FaceModels.LoadPipeline(options);
        var detector = new DetectorOptions();
        var minScore = args.Optional("min-score");
        if (minScore is not null)
        {
            detector = detector with
            {
                ScoreThreshold = float.TryParse(minScore, System.Globalization.CultureInfo.InvariantCulture, out var score) && score is > 0 and < 1
                    ? score
                    : throw new CommandLineException($"--min-score must be between 0 and 1, not '{minScore}'."),
            };
        }

        return (models, new FacePipeline(models, new FacePipelineOptions { Detector = detector }));
    }

    private static SessionTuning Tuning(string? value) =>
        value is null ? SessionTuning.Auto
        : Enum.TryParse<SessionTuning>(value, ignoreCase: true, out var tuning) && Enum.IsDefined(tuning) ? tuning
        : throw new CommandLineException($"--tuning must be auto, off, basic, extended or all, not '{value}'.");
}
