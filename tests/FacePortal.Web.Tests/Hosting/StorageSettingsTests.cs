using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>The health and sweep settings are checked at start like every other setting.</summary>
public sealed class StorageSettingsTests
{
    [Theory]
    [InlineData("FacePortal:Health:MinFreeDiskBytes", "-1", "FacePortal:Health:MinFreeDiskBytes must be between 0 and 1099511627776 (was -1).")]
    [InlineData("FacePortal:Pipeline:Limits:DecodeMemoryBudgetBytes", "1000", "FacePortal:Pipeline:Limits:DecodeMemoryBudgetBytes must be between 16777216 and 68719476736 (was 1000).")]
    [InlineData("FacePortal:Sweep:Interval", "00:00:00", "FacePortal:Sweep:Interval must be between 00:00:01 and 1.00:00:00 (was 00:00:00).")]
    [InlineData("FacePortal:Sweep:RequestBufferAge", "00:00:05", "FacePortal:Sweep:RequestBufferAge must be between 00:01:00 and 7.00:00:00 (was 00:00:05).")]
    public void A_wrong_storage_setting_stops_start_up_naming_it(string key, string value, string message)
    {
        using var factory = new FacePortalFactory { Settings = new Dictionary<string, string> { [key] = value } };
        var originalError = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        }
        finally
        {
            Console.SetError(originalError);
        }

        Assert.Contains($"FacePortal cannot start: {message}", captured.ToString(), StringComparison.Ordinal);
    }
}
