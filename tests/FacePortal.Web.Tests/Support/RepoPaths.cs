namespace FacePortal.Web.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Models => Path.Combine(Root, "models", "onnx");

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
