using FacePortal.Core.Applications;
using FacePortal.TestSupport;
using FacePortal.Web.Recognition;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Integration;

/// <summary>
/// /api/v1/recognize and /verify say which answer, why, and at what operating point, with real deepface
/// photos: Angelina enrolled (img1, img2), a stranger, a face shrunk too small to judge.
/// </summary>
public sealed class VerdictApiTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_named_face_carries_its_code_reason_and_the_operating_point_for_the_people_enrolled()
    {
        var result = await RecognizeAsync("", TestPhotos.DeepFace("img6.jpg"));

        var verdict = Assert.Single(result.Faces).Verdict;
        Assert.Equal(("named", "Angelina Photo", true), (verdict.Code, verdict.Label, verdict.IsKnown));
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
        Assert.InRange(verdict.Similarity, verdict.OperatingPoint.Threshold, 1f);
        Assert.Equal("Angelina Photo", verdict.Best?.Name);
        Assert.Null(verdict.RunnerUp);
        Assert.Equal(1, verdict.OperatingPoint.People);
        Assert.Equal(0.01, verdict.OperatingPoint.MaxFalseMatchRate);
        Assert.Equal("model-statistics", verdict.OperatingPoint.Basis);
        Assert.Equal("named at a 1% false-match rate for 1 person", verdict.OperatingPoint.Description);
        Assert.Equal(result.OperatingPoint, verdict.OperatingPoint);
        Assert.Equal(result.ServerThreshold, verdict.OperatingPoint.Threshold);
    }

    [Fact]
    public async Task A_stranger_is_nobody_close_with_the_closest_person_but_no_name()
    {
        var verdict = Assert.Single((await RecognizeAsync("", TestPhotos.DeepFace("img20.jpg"))).Faces).Verdict;

        Assert.Equal(("nobody-close", "Unknown (nobody close)", false), (verdict.Code, verdict.Label, verdict.IsKnown));
        Assert.Null(verdict.PersonId);
        Assert.Null(verdict.Name);
        Assert.True(verdict.Similarity < verdict.OperatingPoint.Threshold, $"similarity {verdict.Similarity}");
        Assert.NotNull(verdict.Best);
    }

    [Fact]
    public async Task A_tiny_face_is_too_poor_and_says_it_is_small()
    {
        var result = await RecognizeAsync("", ComposedPhotos.TinyFace());

        var verdict = Assert.Single(result.Faces).Verdict;
        Assert.Equal(("too-poor", "Unknown (face too poor)"), (verdict.Code, verdict.Label));
        Assert.Null(verdict.PersonId);
        Assert.Contains("small", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stricter_caller_threshold_turns_a_name_into_nobody_close_and_says_why()
    {
        var result = await RecognizeAsync("?threshold=0.99", TestPhotos.DeepFace("img6.jpg"));

        var verdict = Assert.Single(result.Faces).Verdict;
        Assert.Equal(("nobody-close", false), (verdict.Code, verdict.IsKnown));
        Assert.Null(verdict.PersonId);
        Assert.Contains("caller's threshold 0.990", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("Angelina Photo", verdict.Reason, StringComparison.Ordinal);
        Assert.True(verdict.OperatingPoint.Threshold < 0.99f);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public async Task A_threshold_that_is_not_a_finite_number_is_refused(string threshold)
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Recognize);
        using var response = await client.PostAsync(new Uri($"/api/v1/recognize?threshold={threshold}", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), Ct);

        Assert.Contains("threshold", await ApiBodies.ProblemAsync(response, 400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_says_same_person_with_the_operating_point_of_one_comparison()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Verify);
        using var same = await client.PostAsync(new Uri("/api/v1/verify", UriKind.Relative), ApiBodies.Multipart(("first", TestPhotos.DeepFace("img1.jpg")), ("second", TestPhotos.DeepFace("img2.jpg"))), Ct);
        var result = await ApiBodies.OkAsync<VerifyResponse>(same);

        Assert.Equal(("same-person", "Same person"), (result.Verdict.Code, result.Verdict.Label));
        Assert.Equal(1, result.Verdict.OperatingPoint.People);
        Assert.Equal(result.Threshold, result.Verdict.OperatingPoint.Threshold);
        Assert.Contains("reaches the threshold", result.Verdict.Reason, StringComparison.Ordinal);

        using var person = await client.PostAsync(new Uri($"/api/v1/verify?personId={fixture.Angelina}", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img20.jpg"))), Ct);
        var other = await ApiBodies.OkAsync<VerifyResponse>(person);
        Assert.Equal(("different-people", false), (other.Verdict.Code, other.IsSamePerson));
        Assert.Contains("under the threshold", other.Verdict.Reason, StringComparison.Ordinal);
    }

    private async Task<RecognizeResponse> RecognizeAsync(string query, byte[] photo)
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Recognize);
        using var response = await client.PostAsync(new Uri("/api/v1/recognize" + query, UriKind.Relative), ApiBodies.Multipart(("image", photo)), Ct);
        return await ApiBodies.OkAsync<RecognizeResponse>(response);
    }
}
