using FacePortal.Core.Jobs;
using FacePortal.Core.Training.Kinds;
using FacePortal.Shared.Faces.Alignment;
using FacePortal.Training.Data;
using TorchSharp;

namespace FacePortal.Core.Training;

/// <summary>
/// Executes one training job by id (the queue passes nothing else): loads the chosen people's
/// enrolled faces, runs the requested kind of training (<see cref="TrainingKinds"/>: the same
/// loading, recording and bookkeeping for every kind), and records every epoch and the outcome in
/// our database. Safe to run again for the same id (an at-least-once queue, a worker killed mid-job):
/// a new attempt clears the old one's epochs and models first and starts over, and an attempt
/// that a newer one superseded writes nothing more. Each attempt records which worker ran it.
/// </summary>
public sealed class TrainingJobRunner(
    TrainingJobs jobs,
    TrainingEpochs epochHistory,
    IDbContextFactory<FacePortalDbContext> databases,
    BlobStore blobs,
    FacePipeline pipeline,
    WorkerIdentity worker,
    TrainingKinds kinds,
    ILogger<TrainingJobRunner> logger)
{
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var start = await jobs.StartAsync(jobId, worker.Name, cancellationToken).ConfigureAwait(false);
        if (start is null)
        {
            logger.LogInformation("Training job {JobId} has nothing to run", jobId);
            return;
        }

        var (request, attempt) = start;
        logger.LogInformation("Training job {JobId}: attempt {Attempt} on {Worker}", jobId, attempt, worker.Name);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var training = kinds.For(request.Model);
            var (dataset, people) = await LoadAsync(request.PersonIds, cancellationToken).ConfigureAwait(false);
            if ((request.Validate() ?? training.Check(dataset, request)) is { } problem)
            {
                await jobs.FailAsync(jobId, attempt, problem, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            var device = torch.cuda.is_available() ? "CUDA" : "CPU";
            logger.LogInformation("Training job {JobId}: {Model}, {People} people, {Faces} faces, on {Device}", jobId, request.Model, people.Count, dataset.Faces.Count, device);
            var progress = new JobProgress();
            var outcome = training.Train(
                new TrainingInput(dataset, people, request, device),
                new EpochRecorder(epochHistory, jobId, attempt, request.Head.Epochs, progress, stop),
                new ExtractionRecorder(jobs, jobId, progress),
                stop.Token);
            await CompleteAsync(jobId, attempt, outcome.Summary, outcome.Models).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (jobs.IsCancelRequested(jobId))
        {
            await jobs.CancelledAsync(jobId, attempt, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The server is shutting down: hand the job back to the queue, whose next attempt (on
            // whichever worker takes it) starts over. Rethrown, so Hangfire requeues it instead of
            // marking it done.
            logger.LogWarning("Training job {JobId}: attempt {Attempt} handed back at shutdown", jobId, attempt);
            await jobs.InterruptedAsync(jobId, attempt, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A newer attempt took the job over (this worker was presumed dead): drop everything.
            logger.LogWarning("Training job {JobId}: attempt {Attempt} was superseded by a newer one; its results are dropped", jobId, attempt);
            await jobs.InterruptedAsync(jobId, attempt, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Training job {JobId} failed", jobId);
            await jobs.FailAsync(jobId, attempt, $"The training failed: {e.Message}", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task CompleteAsync(Guid jobId, int attempt, TrainingSummary summary, IReadOnlyList<TrainedModel> models)
    {
        if (!await jobs.CompleteAsync(jobId, attempt, summary, models, CancellationToken.None).ConfigureAwait(false))
        {
            logger.LogWarning("Training job {JobId}: attempt {Attempt} finished after a newer attempt took over; its results are dropped", jobId, attempt);
        }
    }

    private async Task<(FaceDataset Dataset, List<TrainedClass> People)> LoadAsync(IReadOnlyList<Guid> personIds, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new TrainedClass(p.Id, p.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var label = people.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var crops = await db.Faces.AsNoTracking().Where(f => personIds.Contains(f.PersonId)).OrderBy(f => f.Id)
            .Select(f => new { f.PersonId, f.CropHash }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var faces = new List<LabelledFace>(crops.Count);
        foreach (var crop in crops)
        {
            var bytes = await blobs.ReadAllAsync(crop.CropHash, cancellationToken).ConfigureAwait(false);
            if (bytes is null || !label.TryGetValue(crop.PersonId, out var index))
            {
                continue; // Deleted while we read; the check below counts what is left.
            }

            using var image = pipeline.Decoder.Decode(bytes);
            faces.Add(new LabelledFace(AlignedCrop.From(image), index, crop.CropHash));
        }

        return (new FaceDataset(people.Select(p => p.Name).ToList(), faces), people);
    }

    /// <summary>Persists each epoch as it ends (the dashboard's curve grows from these) and turns a cancel request into cancellation.</summary>
    private sealed class EpochRecorder(TrainingEpochs history, Guid jobId, int attempt, int maxEpochs, JobProgress progress, CancellationTokenSource stop) : IProgress<EpochMetrics>
    {
        public void Report(EpochMetrics value)
        {
            var cancel = history.Add(
                new TrainingEpoch
                {
                    JobId = jobId,
                    Epoch = value.Epoch,
                    TrainLoss = value.TrainLoss,
                    TrainAccuracy = value.TrainAccuracy,
                    ValidationLoss = value.ValidationLoss,
                    ValidationAccuracy = value.ValidationAccuracy,
                    LearningRate = value.LearningRate,
                },
                attempt,
                $"Training: epoch {value.Epoch} of at most {maxEpochs}",
                progress.Epoch(value.Epoch, maxEpochs));
            if (cancel)
            {
                stop.Cancel();
            }
        }
    }

    private sealed class ExtractionRecorder(TrainingJobs jobs, Guid jobId, JobProgress progress) : IProgress<double>
    {
        private int _lastPercent = -1;

        public void Report(double value)
        {
            var percent = (int)(value * 100);
            if (percent / 10 != _lastPercent / 10)
            {
                _lastPercent = percent;
                jobs.Report(jobId, $"Extracting features of augmented faces: {percent} %", progress.Extraction(value));
            }
        }
    }
}
