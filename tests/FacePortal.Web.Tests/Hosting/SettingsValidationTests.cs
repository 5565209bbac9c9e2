using FacePortal.TestSupport;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>The app itself, started as ./run.sh starts it, with a setting out of its range.</summary>
public sealed class SettingsValidationTests
{
    [Fact]
    public async Task A_wrong_setting_stops_start_up_with_one_line_naming_the_key()
    {
        var (exitCode, output, error) = await PortalServer.RunUntilExitAsync(
            new Dictionary<string, string> { ["FacePortal__Live__MaxFramesPerSecond"] = "0" },
            TimeSpan.FromSeconds(60),
            TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            ["FacePortal cannot start: FacePortal:Live:MaxFramesPerSecond must be between 1 and 1000 (was 0)."],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        // Refused before any start-up work: no model was loaded, no database created.
        Assert.DoesNotContain("Face models loaded", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_wrong_setting_is_named_on_the_same_line()
    {
        var (exitCode, _, error) = await PortalServer.RunUntilExitAsync(
            new Dictionary<string, string>
            {
                ["FacePortal__Pipeline__Detector__ScoreThreshold"] = "1.5",
                ["Database__Provider"] = "SqlServer",
            },
            TimeSpan.FromSeconds(60),
            TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("FacePortal cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("FacePortal:Pipeline:Detector:ScoreThreshold must be between 0 and 1 (was 1.5).", line, StringComparison.Ordinal);
        Assert.Contains("Database:ConnectionString must be set when Provider is SqlServer", line, StringComparison.Ordinal);
    }
}
