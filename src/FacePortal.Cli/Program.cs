using FacePortal.Cli.Commands;
using FacePortal.Core.Backup;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Models;

const string Usage = """
    FacePortal command line

    Usage: ./faceportal <command> [options]

    Commands:
      eval-pairs --images DIR --pairs CSV    Verification accuracy, ROC AUC and TAR@FAR on labelled pairs
      eval-open-set --images DIR --pairs CSV
                                             Open-set identification (leave one out): named vs false alarms per threshold
      eval-open-set --gallery DIR --strangers DIR[,DIR] [--people 1-16] [--enroll N] [--exclude a.jpg,b.jpg] [--rate F]
                                             The server's open-set decision on folders: the first N accepted photos of each
                                             person enrolled, the rest mated probes, every other photo a stranger; prints
                                             rank-1, named at 1% and 0.1% stranger rates, and the before/after table.
                                             Trials (docs/recognition.md, tried and dropped): [--cohort DIR --cohort-people
                                             RANGE [--cohort-k 3,10,50]] [--person-thresholds] [--dump FILE]
      calibrate --data DIR [--people 1-16] [--out FILE]
                                             The embedding model's impostor statistics the operating point starts from
                                             (rebuild after; run again whenever the embedding model changes)
      train --data DIR [--model transfer|scratch] [--out DIR] [--epochs N] [--copies N] [--val F] [--optimizer adam|rmsprop|sgd]
            [--lr F] [--momentum F] [--batch N] [--hidden N] [--dropout F] [--patience N] [--lr-factor F] [--lr-patience N]
            [--seed N] [--no-mask] [--no-augment]
                                             Transfer learning on a folder per person (train/ and val/ if present);
                                             --out keeps best/last .fphead (.fpcnn for --model scratch)
      explore --data DIR [--margin 0.05] [--duplicate 0.92] [--max-k 30] [--seed 42]
                                             The embedding lab on a folder per person: PCA variance, K-means elbow and
                                             silhouette with purity and ARI, look-alike people, likely mislabels,
                                             near-duplicates and low-quality faces
      train --data DIR --model triplet [--epochs N] [--margin F] [--people-per-batch P] [--faces-per-person K] [--dim N]
            [--test-people F] [--episodes N] [--raw-threshold F] and the transfer options above (hidden, dropout unused)
                                             A metric learnt with triplet loss; one-shot table on unseen people, raw vs metric
      bench-train --images DIR [--people 5] [--faces 40] [--copies 5]
                                             Wall time of a training job, feature extraction vs head training
      detect --images DIR [--out DIR]        Faces and boxes per image; --out writes annotated copies
      bench [--image FILE] [--group FILE] [--runs N] [--seconds S]
                                             Session setting and bare time per model; per-stage latency and its ratio
                                             to the bare model times on a 640x480 JPEG, a 4-face group photo and a
                                             1280x720 frame; then throughput
      liveness-eval --data DIR [--out DIR] [--limit N]
                                             Experimental liveness, measured: live frames vs spoofs made from DIR's photos
                                             (photo of a photo, screen with moire and glare, low-contrast print); --out saves samples
      torch-info                             Checks that TorchSharp loads on this machine
      backup --out FILE [--data DIR]         The installation (database, photos, crops, trained models) in one zip; safe while the app runs
      restore FILE [--data DIR]              Unpacks a backup into an empty data directory (default: FacePortal__DataDirectory, else data in the install)
      worker [--data DIR] [--workers N] [--name NAME]
                                             Runs training jobs from the shared job storage (FacePortal__Jobs__Storage=Postgres
                                             or SqlServer), no web UI; SIGTERM hands the job in flight back to the queue

    Common options:
      --models DIR    Model folder (default models/onnx in the install, whatever the working directory)
      --threads N     Intra-op threads per model session (default 1)
      --min-score S   Detector score threshold, 0..1 (default 0.7)
      --tuning T      Session settings: auto (time them once per machine, cached), off (plain ORT_ENABLE_ALL),
                      basic, extended or all (default auto)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 1 : 0;
}

// Figures print the same on every machine, whatever its locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

try
{
    if (args[0] == "restore")
    {
        return RestoreCommand.Run(args[1..], Console.Out);
    }

    var options = new CommandArguments(args.Skip(1));
    if (args[0] == "worker")
    {
        return await WorkerCommand.RunAsync(options);
    }

    return args[0] switch
    {
        "eval-pairs" => EvalPairsCommand.Run(options, Console.Out),
        "eval-open-set" => EvalOpenSetCommand.Run(options, Console.Out),
        "calibrate" => CalibrateCommand.Run(options, Console.Out),
        "train" => TrainCommand.Run(options, Console.Out),
        "bench-train" => BenchTrainCommand.Run(options, Console.Out),
        "explore" => ExploreCommand.Run(options, Console.Out),
        "detect" => DetectCommand.Run(options, Console.Out),
        "bench" => BenchCommand.Run(options, Console.Out),
        "liveness-eval" => LivenessEvalCommand.Run(options, Console.Out),
        "torch-info" => TorchInfoCommand.Run(Console.Out),
        "backup" => BackupCommand.Run(options, Console.Out),
        _ => throw new CommandLineException($"Unknown command '{args[0]}'. Run ./faceportal --help."),
    };
}
catch (Exception ex) when (ex is CommandLineException or ModelFileException or ImageDecodeException or FormatException or BackupException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
