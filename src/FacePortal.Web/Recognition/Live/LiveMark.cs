namespace FacePortal.Web.Recognition.Live;

/// <summary>
/// An admin's "not this person" for a face on Live: the face's box in the frame its result came from
/// (<paramref name="Sequence"/>), which the browser still holds and sends to the feedback API.
/// </summary>
public sealed record LiveMark(long Sequence, Guid PersonId, float Left, float Top, float Right, float Bottom);

/// <summary>What the feedback API answered; <paramref name="Message"/> says why when it did not store the face.</summary>
public sealed record LiveMarkOutcome(bool Ok, string? Message);
