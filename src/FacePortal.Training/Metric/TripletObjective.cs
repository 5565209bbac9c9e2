using FacePortal.Training.Loop;
using static TorchSharp.torch;

namespace FacePortal.Training.Metric;

/// <summary>
/// Semi-hard triplet loss on P x K batches: the metric head's objective. An epoch is as many
/// batches as it takes to see about every training row once. Train accuracy is the share of mined
/// triplets whose negative is farther than the positive; validation accuracy names each validation
/// face by its nearest other validation face. The tensors belong to the caller.
/// </summary>
public sealed class TripletObjective : ITrainingObjective
{
    private readonly ProjectionHead _model;
    private readonly Tensor _xTrain;
    private readonly int[] _trainLabels;
    private readonly Tensor _xValidation;
    private readonly int[] _validationLabels;
    private readonly double _margin;
    private readonly PkSampler _sampler;
    private readonly int _batchesPerEpoch;

    public TripletObjective(ProjectionHead model, Tensor xTrain, int[] trainLabels, Tensor xValidation, int[] validationLabels, MetricTrainingOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(trainLabels);
        ArgumentNullException.ThrowIfNull(options);
        _model = model;
        _xTrain = xTrain;
        _trainLabels = trainLabels;
        _xValidation = xValidation;
        _validationLabels = validationLabels;
        _margin = options.Margin;
        _sampler = new PkSampler(trainLabels, options.PeoplePerBatch, options.FacesPerPerson, seed);
        _batchesPerEpoch = Math.Max(1, trainLabels.Length / (options.PeoplePerBatch * options.FacesPerPerson));
    }

    public nn.Module<Tensor, Tensor> Model => _model;

    public IEnumerable<long[]> Batches()
    {
        for (var b = 0; b < _batchesPerEpoch; b++)
        {
            yield return _sampler.Next();
        }
    }

    public BatchLoss? Loss(long[] rows)
    {
        var labels = rows.Select(r => _trainLabels[r]).ToArray();
        var embeddings = _model.forward(_xTrain.index_select(0, torch.tensor(rows)));
        return TripletLoss.Compute(embeddings, labels, _margin) is { } batch
            ? new BatchLoss(batch.Loss, 1, batch.Ordered, batch.Triplets)
            : null;
    }

    /// <summary>Semi-hard triplet loss over the whole validation set as one batch, and its leave-one-out nearest-neighbour accuracy.</summary>
    public (double Loss, double Accuracy) Evaluate()
    {
        _model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var embeddings = _model.forward(_xValidation);
        var loss = TripletLoss.Compute(embeddings, _validationLabels, _margin)?.Loss.item<float>() ?? 0;
        // Cosines lie in [-1, 1]; subtracting 4 on the diagonal keeps a face from being its own neighbour.
        using var minusFour = (-4f).ToScalar();
        var similarities = embeddings.mm(embeddings.t()).add(torch.eye(_validationLabels.Length), minusFour);
        var nearest = similarities.argmax(1).data<long>().ToArray();
        var correct = nearest.Where((n, i) => _validationLabels[n] == _validationLabels[i]).Count();
        return (loss, correct / (double)Math.Max(1, _validationLabels.Length));
    }
}
