using FacePortal.TestSupport;

namespace FacePortal.AcceptanceTests.Support;

public static class RepoPaths
{
    public static string Root => RepoLocations.Root;

    /// <summary>Screenshots the tests take, for people to look at.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "screenshots")).FullName;
}
