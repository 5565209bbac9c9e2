using FacePortal.Core.Applications;
using FacePortal.TestSupport;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Integration;

/// <summary>
/// A look-alike pair at its most extreme: the same person (deepface img1, img2) enrolled under two more
/// names beside the fixture's Angelina. A new photo of her is "could be A or B", naming both, never one of them.
/// </summary>
public sealed class AmbiguousVerdictApiTests : IAsyncLifetime
{
    private readonly IntegrationFixture _fixture = new();
    private Guid _first;
    private Guid _second;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _first = await GalleryPeople.EnrollAsync(_fixture.Factory, "Twin Ann", "img1.jpg", "img2.jpg");
        _second = await GalleryPeople.EnrollAsync(_fixture.Factory, "Twin Bea", "img1.jpg", "img2.jpg");
    }

    [Fact]
    public async Task The_same_face_under_two_names_could_be_either_and_names_both()
    {
        using var client = await _fixture.KeyClientAsync(ScopeNames.Recognize);
        using var response = await client.PostAsync(new Uri("/api/v1/recognize", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), Ct);
        var verdict = Assert.Single((await ApiBodies.OkAsync<FacePortal.Web.Recognition.RecognizeResponse>(response)).Faces).Verdict;

        Assert.Equal(("ambiguous", false), (verdict.Code, verdict.IsKnown));
        Assert.Null(verdict.PersonId);
        Assert.NotNull(verdict.Best);
        Assert.NotNull(verdict.RunnerUp);
        Assert.NotEqual(verdict.Best!.PersonId, verdict.RunnerUp!.PersonId);
        Assert.Subset(new HashSet<Guid> { _fixture.Angelina, _first, _second }, new HashSet<Guid> { verdict.Best.PersonId, verdict.RunnerUp.PersonId });
        Assert.Matches(@"^Unknown \(could be [\w ]+ or [\w ]+\)$", verdict.Label);
        Assert.Contains(verdict.Best.Name, verdict.Label, StringComparison.Ordinal);
        Assert.Contains(verdict.RunnerUp.Name, verdict.Label, StringComparison.Ordinal);
        Assert.Equal(3, verdict.OperatingPoint.People);
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();
}
