namespace FacePortal.Training.Tests;

public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Models => Path.Combine(Root, "models", "onnx");

    public static string DeepFace
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets", "deepface"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"These tests need the deepface photos at '{path}'.");
        }
    }

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
