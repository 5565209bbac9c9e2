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
    Duplicate,
    PersonNotFound,

    /// <summary>The photo was fine but the server could not store it (a full or read-only disk).</summary>
    NotSaved,
}
