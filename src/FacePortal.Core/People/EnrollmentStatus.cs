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
}
