namespace FacePortal.Training.Metrics;

/// <summary>Counts of (true class, predicted class), with accuracy and per-class precision, recall and F1.</summary>
public sealed class ConfusionMatrix
{
    public ConfusionMatrix(int classes, IReadOnlyList<int> actual, IReadOnlyList<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException("Every sample needs one prediction.", nameof(predicted));
        }

        Counts = new int[classes][];
        for (var c = 0; c < classes; c++)
        {
            Counts[c] = new int[classes];
        }

        for (var i = 0; i < actual.Count; i++)
        {
            Counts[actual[i]][predicted[i]]++;
        }
    }

    /// <summary>Counts[actual][predicted].</summary>
    public int[][] Counts { get; }

    public int Classes => Counts.Length;

    public int Total => Counts.Sum(row => row.Sum());

    public double Accuracy => Total == 0 ? 0 : Enumerable.Range(0, Classes).Sum(c => Counts[c][c]) / (double)Total;

    public double Precision(int c)
    {
        var predicted = Enumerable.Range(0, Classes).Sum(a => Counts[a][c]);
        return predicted == 0 ? 0 : Counts[c][c] / (double)predicted;
    }

    public double Recall(int c)
    {
        var actual = Counts[c].Sum();
        return actual == 0 ? 0 : Counts[c][c] / (double)actual;
    }

    public double F1(int c)
    {
        var (p, r) = (Precision(c), Recall(c));
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>The unweighted mean of the per-class F1 scores.</summary>
    public double MacroF1 => Classes == 0 ? 0 : Enumerable.Range(0, Classes).Average(F1);
}
