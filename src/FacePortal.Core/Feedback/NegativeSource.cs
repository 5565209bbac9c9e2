namespace FacePortal.Core.Feedback;

/// <summary>Where an admin saw the wrong name they marked. Stored by name ("test-photo", "live", "api"): old rows keep it.</summary>
public enum NegativeSource
{
    TestPhoto,
    Live,
    Api,
}

public static class NegativeSources
{
    public static string Code(this NegativeSource source) => source switch
    {
        NegativeSource.TestPhoto => "test-photo",
        NegativeSource.Live => "live",
        NegativeSource.Api => "api",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static NegativeSource Parse(string code) => code switch
    {
        "test-photo" => NegativeSource.TestPhoto,
        "live" => NegativeSource.Live,
        "api" => NegativeSource.Api,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a negative example source."),
    };

    /// <summary>For people: "Test a photo", "Live", "API".</summary>
    public static string Describe(this NegativeSource source) => source switch
    {
        NegativeSource.TestPhoto => "Test a photo",
        NegativeSource.Live => "Live",
        NegativeSource.Api => "API",
        _ => source.ToString(),
    };
}
