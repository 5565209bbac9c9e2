using FacePortal.Shared.Models;
using FacePortal.Shared.Tests.Support;

namespace FacePortal.Shared.Tests.Models;

public sealed class ModelManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faceportal-models-").FullName;

    [Fact]
    public void Embedded_manifest_pins_every_model_the_pipeline_loads()
    {
        foreach (var file in new[] { ModelFile.Detector, ModelFile.Landmarks, ModelFile.Embedder })
        {
            Assert.Matches("^[0-9a-f]{64}$", ModelManifest.Embedded.Hashes[file]);
        }
    }

    [Fact]
    public void Installed_models_match_their_pins()
    {
        foreach (var file in ModelManifest.Embedded.Hashes.Keys)
        {
            ModelManifest.Embedded.Verify(TestPaths.Models, file);
        }
    }

    [Fact]
    public void Missing_file_names_the_file_and_the_restore_command()
    {
        var ex = Assert.Throws<ModelFileException>(() => FaceModels.LoadPipeline(new FaceModelOptions { Directory = _dir }));

        Assert.Equal(ModelFile.Detector, ex.FileName);
        Assert.Contains("fr_detect.onnx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Altered_file_is_refused_with_both_hashes()
    {
        foreach (var file in new[] { ModelFile.Detector, ModelFile.Landmarks, ModelFile.Embedder })
        {
            File.Copy(Path.Combine(TestPaths.Models, file), Path.Combine(_dir, file));
        }

        using (var stream = File.OpenWrite(Path.Combine(_dir, ModelFile.Embedder)))
        {
            stream.Seek(1000, SeekOrigin.Begin);
            stream.WriteByte(0x42);
        }

        var ex = Assert.Throws<ModelFileException>(() => FaceModels.LoadPipeline(new FaceModelOptions { Directory = _dir }));

        Assert.Equal(ModelFile.Embedder, ex.FileName);
        Assert.Contains(ModelManifest.Embedded.Hashes[ModelFile.Embedder], ex.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_build_reports_the_cpu_provider_and_why()
    {
        using var models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = TestPaths.Models, ExecutionProvider = ExecutionProviderPreference.Cuda });

        Assert.False(FaceModels.IsGpuBuild);
        Assert.Equal("CPU", models.ExecutionProvider);
        Assert.Contains("CPU build", models.ExecutionProviderNote, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
