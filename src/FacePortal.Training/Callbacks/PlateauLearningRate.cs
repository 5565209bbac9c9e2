namespace FacePortal.Training.Callbacks;

/// <summary>
/// ReduceLROnPlateau: multiplies the learning rate by <paramref name="factor"/> when the validation
/// loss has not improved for <paramref name="patience"/> epochs, never below <paramref name="minLearningRate"/>.
/// </summary>
public sealed class PlateauLearningRate(double factor, int patience, double minLearningRate = 1e-6, double minDelta = 1e-4)
{
    private double _best = double.PositiveInfinity;
    private int _waited;

    /// <summary>Records an epoch's validation loss; returns the learning rate to use from now on.</summary>
    public double Step(double validationLoss, double learningRate)
    {
        if (validationLoss < _best - minDelta)
        {
            _best = validationLoss;
            _waited = 0;
            return learningRate;
        }

        if (++_waited < patience)
        {
            return learningRate;
        }

        _waited = 0;
        return Math.Max(minLearningRate, learningRate * factor);
    }
}
