using static TorchSharp.torch;

namespace FacePortal.Training.Loop;

/// <summary>
/// Cross-entropy on shuffled mini-batches of labelled rows: the objective of every classifier, the
/// transfer head on cached features as well as the CNN from scratch on pixels. The tensors belong
/// to the caller.
/// </summary>
public sealed class ClassifierObjective(
    nn.Module<Tensor, Tensor> model, Tensor xTrain, Tensor yTrain, Tensor xValidation, Tensor yValidation, int batchSize, int seed) : ITrainingObjective
{
    private readonly ShuffledBatches _batches = new((int)xTrain.shape[0], batchSize, seed);

    public nn.Module<Tensor, Tensor> Model => model;

    public IEnumerable<long[]> Batches() => _batches.NextEpoch();

    public BatchLoss? Loss(long[] rows)
    {
        var index = torch.tensor(rows);
        var y = yTrain.index_select(0, index);
        var logits = model.forward(xTrain.index_select(0, index));
        var loss = nn.functional.cross_entropy(logits, y);
        return new BatchLoss(loss, rows.Length, logits.argmax(1).eq(y).sum().item<long>(), rows.Length);
    }

    public (double Loss, double Accuracy) Evaluate() => Evaluate(model, xValidation, yValidation);

    /// <summary>Mean cross-entropy and accuracy of a classifier on a labelled set, in evaluation mode.</summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var logits = model.forward(x);
        var loss = nn.functional.cross_entropy(logits, y).item<float>();
        var accuracy = logits.argmax(1).eq(y).to_type(ScalarType.Float32).mean().item<float>();
        return (loss, accuracy);
    }
}
