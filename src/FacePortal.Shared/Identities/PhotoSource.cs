namespace FacePortal.Shared.Identities;

public enum PhotoSource
{
    Upload = 0,
    Webcam = 1,
    Import = 2,
}
