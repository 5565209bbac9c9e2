using FacePortal.Core.Applications;
using FacePortal.TestSupport;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Integration;

/// <summary>Numbers in the query that are not numbers (NaN) or not finite are refused with a sentence, not a 500.</summary>
public sealed class NumericParameterTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e39")]
    public async Task Recognize_refuses_a_threshold_that_is_not_a_finite_number(string threshold)
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Recognize);

        using var response = await client.PostAsync(
            new Uri($"/api/v1/recognize?threshold={threshold}", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), Ct);

        var detail = await ApiBodies.ProblemAsync(response, 400);
        Assert.StartsWith("threshold must be a number between the server's threshold", detail, StringComparison.Ordinal);
    }
}
