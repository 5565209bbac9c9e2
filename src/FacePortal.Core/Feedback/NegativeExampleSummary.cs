namespace FacePortal.Core.Feedback;

/// <summary>A face marked "not this person", as pages and the API show it (the embedding stays inside).</summary>
/// <param name="Box">Where the face was in the photo it was marked on, in that photo's pixels.</param>
/// <param name="Source">"test-photo", "live" or "api".</param>
public sealed record NegativeExampleSummary(Guid Id, Guid PersonId, FaceBox Box, string Source, string MarkedBy, DateTime MarkedAt)
{
    public static NegativeExampleSummary Of(NegativeExample negative)
    {
        ArgumentNullException.ThrowIfNull(negative);
        return new(negative.Id, negative.PersonId, negative.Box, negative.Source.Code(), negative.MarkedBy, negative.MarkedAt);
    }
}
