namespace FacePortal.Training.Metric;

/// <summary>
/// The one-shot results of a metric, raw embeddings beside the learned space, on people the
/// metric never saw; what the job page and the <c>train --model triplet</c> command show.
/// </summary>
/// <param name="Rows">N-way 1-shot accuracies, then TAR at each FAR (null where too few impostor pairs give it meaning), then ROC AUC.</param>
public sealed record OneShotTable(int TestPeople, int TestFaces, int Episodes, IReadOnlyList<OneShotRow> Rows);

/// <summary>One measure for the raw embeddings and for the learned metric.</summary>
public sealed record OneShotRow(string Measure, double? Raw, double? Metric);
