using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public void Missing_models_stop_start_up()
    {
        var empty = Directory.CreateTempSubdirectory("faceportal-nomodels-").FullName;
        try
        {
            using var factory = new FacePortalFactory { ModelDirectory = empty };
            var originalError = Console.Error;
            using var captured = new StringWriter();
            Console.SetError(captured);
            try
            {
                // Program returns before building the host, so the factory has no server to create.
                Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            }
            finally
            {
                Console.SetError(originalError);
            }

            Assert.Contains("fr_detect.onnx", captured.ToString(), StringComparison.Ordinal);
            Assert.Contains("scripts/setup.sh", captured.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
