namespace FacePortal.Core.People;

public enum PhotoSource
{
    Upload = 0,
    Webcam = 1,
    Import = 2,
}
