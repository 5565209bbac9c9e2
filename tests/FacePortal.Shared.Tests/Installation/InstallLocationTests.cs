using FacePortal.Shared.Installation;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;

namespace FacePortal.Shared.Tests.Installation;

public sealed class InstallLocationTests : IDisposable
{
    private readonly string _install = Directory.CreateTempSubdirectory("faceportal-install-").FullName;

    public void Dispose() => Directory.Delete(_install, recursive: true);

    [Fact]
    public void This_process_finds_the_repository_from_its_own_folder()
    {
        Assert.Equal(RepoLocations.Root, InstallLocation.Current.Root);
        Assert.Equal(RepoLocations.Models, new FaceModelOptions().ResolveDirectory());
        Assert.Equal(Path.Combine(RepoLocations.Models, ".tuning"), new FaceModelOptions().ResolveTuningCacheDirectory());
        Assert.Equal(Path.Combine(RepoLocations.Root, "data"), InstallLocation.Current.DataDirectory(null));
    }

    [Fact]
    public void A_build_output_below_a_models_folder_resolves_relative_paths_against_that_folder()
    {
        Directory.CreateDirectory(Path.Combine(_install, "models", "onnx"));
        var bin = Directory.CreateDirectory(Path.Combine(_install, "src", "FacePortal.Web", "bin", "Release", "net10.0")).FullName;

        var location = InstallLocation.Find(bin);

        Assert.Equal(_install, location.Root);
        Assert.Equal(bin, location.ApplicationFolder);
        Assert.Equal(Path.Combine(_install, "models", "onnx"), location.Resolve("models/onnx"));
        Assert.Equal(Path.Combine(_install, "data"), location.DataDirectory(" "));
        Assert.Equal(Path.Combine(_install, "state"), location.DataDirectory("state"));
        Assert.Equal("/data", location.DataDirectory("/data"));
    }

    [Fact]
    public void Without_a_models_folder_above_it_the_application_folder_is_the_root()
    {
        var app = Directory.CreateDirectory(Path.Combine(_install, "app")).FullName;

        var location = InstallLocation.Find(app);

        Assert.Equal(app, location.Root);
        Assert.Equal(Path.Combine(app, "data"), location.DataDirectory(null));
    }

    [Fact]
    public void The_content_root_is_the_application_folder_unless_the_command_line_names_one()
    {
        var location = InstallLocation.Find(_install);

        Assert.Equal(_install, location.ContentRootUnlessGiven(["--urls", "http://127.0.0.1:5080"]));
        Assert.Null(location.ContentRootUnlessGiven(["--contentRoot", "/somewhere"]));
        Assert.Null(location.ContentRootUnlessGiven(["--contentroot=/somewhere"]));
    }
}
