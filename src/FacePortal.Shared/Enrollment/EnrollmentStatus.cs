namespace FacePortal.Shared.Enrollment;

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
