using System.Text.Json;

namespace FacePortal.ScaleOut.Tests.Support;

/// <summary>What a test reads of GET /api/v1/training/{id}: status, epochs, and who ran each attempt.</summary>
public sealed record JobView(string Status, string? Stage, string? Error, int Attempts, IReadOnlyList<int> Epochs, IReadOnlyList<AttemptView> AttemptHistory)
{
    public static JobView From(JsonElement job) => new(
        job.GetProperty("status").GetString()!,
        job.GetProperty("stage").GetString(),
        job.GetProperty("error").GetString(),
        job.GetProperty("attempts").GetInt32(),
        job.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()).ToList(),
        job.GetProperty("attemptHistory").EnumerateArray().Select(a => new AttemptView(
            a.GetProperty("number").GetInt32(),
            a.GetProperty("worker").GetString()!,
            a.GetProperty("startedAt").GetDateTime(),
            a.GetProperty("endedAt").ValueKind == JsonValueKind.Null ? null : a.GetProperty("endedAt").GetDateTime(),
            a.GetProperty("outcome").GetString()!)).ToList());

    /// <summary>The worker of the attempt running now, if any.</summary>
    public string? RunningOn => AttemptHistory.LastOrDefault(a => a.Outcome == "Running")?.Worker;
}

public sealed record AttemptView(int Number, string Worker, DateTime StartedAt, DateTime? EndedAt, string Outcome)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}
