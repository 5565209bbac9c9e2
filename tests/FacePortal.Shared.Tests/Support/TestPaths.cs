using FacePortal.TestSupport;

namespace FacePortal.Shared.Tests.Support;

public static class TestPaths
{
    public static string RepoRoot => RepoLocations.Root;

    public static string Models => RepoLocations.Models;

    public static string DeepFace => RepoLocations.DeepFace;

    public static string FaceApiDemo => RepoLocations.FaceApiDemo;

    public static string DeepFacePhoto(string name) => Path.Combine(DeepFace, name);
}
