namespace FacePortal.Core.People;

/// <summary>What happened to one photo, in words an admin can act on.</summary>
/// <param name="OtherFaces">Faces found besides the enrolled one (photo coordinates), for the admin to see.</param>
/// <param name="Faces">
/// Every face found, in the order <see cref="FaceChoice.AtIndex"/> counts them; set when the photo holds
/// several (always for <see cref="EnrollmentStatus.NeedsFaceChoice"/>).
/// </param>
/// <param name="LowerThresholdRetry">The detector found no face at its configured threshold and ran again at its lower retry threshold.</param>
public sealed record EnrollmentResult(
    string FileName,
    EnrollmentStatus Status,
    RejectionReason Reason,
    string Message,
    Guid? PhotoId = null,
    Guid? FaceId = null,
    int FacesFound = 0,
    FaceBox? EnrolledBox = null,
    IReadOnlyList<FaceBox>? OtherFaces = null,
    int ImageWidth = 0,
    int ImageHeight = 0,
    bool LowerThresholdRetry = false,
    IReadOnlyList<FoundFace>? Faces = null)
{
    /// <summary>A face was enrolled from the photo.</summary>
    public bool IsAccepted => Status is EnrollmentStatus.Accepted or EnrollmentStatus.AcceptedWithWarning;

    public static EnrollmentResult Rejected(string fileName, RejectionReason reason, string message, int facesFound = 0) =>
        new(fileName, EnrollmentStatus.Rejected, reason, message, FacesFound: facesFound);
}
