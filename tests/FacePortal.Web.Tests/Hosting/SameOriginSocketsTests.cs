using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>A page on another origin (another port of the same host) cannot ride the admin's cookie into the live hub.</summary>
public sealed class SameOriginSocketsTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Fact]
    public async Task A_handshake_from_another_origin_is_refused_and_one_from_ours_connects()
    {
        var cookie = await factory.SignInCookieAsync();
        await using var foreign = factory.CreateLiveConnection(cookie, origin: "http://localhost:8081");
        await using var own = factory.CreateLiveConnection(cookie, origin: "http://localhost");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => foreign.StartAsync(TestContext.Current.CancellationToken));
        await own.StartAsync(TestContext.Current.CancellationToken);

        Assert.Contains("403", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, own.State);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "127.0.0.1:5080", true)]
    [InlineData("https://faces.example", "faces.example", true)]
    [InlineData("http://127.0.0.1:9999", "127.0.0.1:5080", false)]
    [InlineData("http://evil.example", "faces.example", false)]
    [InlineData("null", "faces.example", false)]
    public void Origins_match_by_authority(string origin, string host, bool same) =>
        Assert.Equal(same, FacePortal.Web.Security.SameOriginSockets.SameAuthority(origin, new Microsoft.AspNetCore.Http.HostString(host)));
}
