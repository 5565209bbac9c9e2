namespace FacePortal.AcceptanceTests.Support;

public static class RepoPaths
{
    public static string Root { get; } = Find();

    /// <summary>Screenshots the tests take, for people to look at.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "screenshots")).FullName;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FacePortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FacePortal.sln not found above the test binaries.");
    }
}
