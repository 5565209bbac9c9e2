namespace FacePortal.Core.People;

public enum EnrollmentStatus
{
    Accepted,
    AcceptedWithWarning,
    Rejected,

    /// <summary>
    /// The photo holds several faces and the caller did not say which is the person's: nothing was
    /// stored; <see cref="EnrollmentResult.Faces"/> lists them to choose from (<see cref="FaceChoice"/>).
    /// </summary>
    NeedsFaceChoice,
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

    /// <summary>The caller chose a face (<see cref="FaceChoice"/>) that the photo does not hold.</summary>
    NoSuchFace,
}
