namespace FacePortal.Core.People;

public enum EnrollmentStatus
{
    Accepted,
    AcceptedWithWarning,
    Rejected,
}

/// <summary>Why a photo was not enrolled.</summary>
public enum RejectionReason
{
    None,
    Unreadable,
    NoFace,
    TooSmall,
    TooBlurred,
    BadExposure,

    /// <summary>Turned or tilted too far to judge.</summary>
    TooTurned,
    Duplicate,
    PersonNotFound,

    /// <summary>The photo was fine but the server could not store it (a full or read-only disk).</summary>
    NotSaved,
}
