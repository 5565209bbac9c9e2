namespace FacePortal.Shared.Tests.Support;

/// <summary>Where the repository, its models and the shared test photos are. Missing data fails loudly, never skips.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Models => Path.Combine(RepoRoot, "models", "onnx");

    public static string DeepFace => RequireDirectory(
        Path.Combine(RepoRoot, "..", "shared", "datasets", "deepface"),
        "the deepface photos (../shared/datasets/deepface beside the repository)");

    public static string FaceApiDemo => RequireDirectory(
        Path.Combine(RepoRoot, ".cache", "npm", "face-api", "demo"),
        "the @vladmandic/face-api demo photos (installed by ./test.sh via scripts/setup.sh --for-tests)");

    public static string DeepFacePhoto(string name) => Path.Combine(DeepFace, name);

    private static string RequireDirectory(string path, string what) =>
        Directory.Exists(path)
            ? Path.GetFullPath(path)
            : throw new DirectoryNotFoundException($"These tests need {what}; '{Path.GetFullPath(path)}' does not exist.");

    private static string FindRepoRoot()
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
