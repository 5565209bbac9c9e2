using FacePortal.TestSupport;

namespace FacePortal.Training.Tests;

public static class RepoPaths
{
    public static string Models => RepoLocations.Models;

    public static string DeepFace => RepoLocations.DeepFace;
}
