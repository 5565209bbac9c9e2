namespace FacePortal.TestSupport;

/// <summary>
/// Where the repository, its models and the shared test photos are, for every test and
/// benchmark project (FacePortal.TestSupport, referenced by tests/Directory.Build.props). Missing data fails loudly, never skips.
/// </summary>
public static class RepoLocations
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test binary was built in (Debug or Release): the apps it starts are the same build.</summary>
    public static string BuildConfiguration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>
    /// The build output folder of <c>src/<paramref name="project"/></c> in <see cref="BuildConfiguration"/>: tests start
    /// the web app and <c>./faceportal</c> from there as processes, never through a reference to their assemblies.
    /// </summary>
    public static string BuiltProject(string project) => Path.Combine(Root, "src", project, "bin", BuildConfiguration, "net10.0");

    public static string Models => Path.Combine(Root, "models", "onnx");

    /// <summary>Screenshots the tests take, for people to look at.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "screenshots")).FullName;

    /// <summary>The web app built with -p:FacePortalGpu=true (Directory.Build.props puts it under artifacts/gpu/).</summary>
    public static string GpuBuild => RequireDirectory(
        Path.Combine(Root, "artifacts", "gpu", "bin", "FacePortal.Web", "release"),
        "the GPU build of the web app (./test.sh builds it: dotnet build src/FacePortal.Web -c Release -p:FacePortalGpu=true)");

    public static string DeepFace => RequireDirectory(
        Path.Combine(Root, "..", "shared", "datasets", "deepface"),
        "the deepface photos (../shared/datasets/deepface beside the repository)");

    /// <summary>24 people, up to 30 tight 112x112 face crops each, a folder per person.</summary>
    public static string Celeb24 => RequireDirectory(
        Path.Combine(Root, "..", "shared", "datasets", "celeb24"),
        "the celeb24 face crops (../shared/datasets/celeb24 beside the repository)");

    public static string FaceApiDemo => RequireDirectory(
        Path.Combine(Root, ".cache", "npm", "face-api", "demo"),
        "the @vladmandic/face-api demo photos (installed by ./test.sh via scripts/setup.sh --for-tests)");

    private static string RequireDirectory(string path, string what) =>
        Directory.Exists(path)
            ? Path.GetFullPath(path)
            : throw new DirectoryNotFoundException($"This needs {what}; '{Path.GetFullPath(path)}' does not exist.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FacePortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FacePortal.sln not found above the binaries.");
    }
}
