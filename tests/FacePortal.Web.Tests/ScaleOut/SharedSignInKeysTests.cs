using System.Net;
using FacePortal.TestSupport;
using FacePortal.Web.ScaleOut;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.ScaleOut;

/// <summary>
/// Without Redis, the keys that protect sign-in cookies live in the data directory under one
/// application name, so nodes on a shared data volume (or a restarted app) accept each other's cookies.
/// </summary>
public sealed class SharedSignInKeysTests
{
    [Fact]
    public async Task A_cookie_from_one_app_signs_the_user_in_on_another_that_shares_the_data_directory()
    {
        await using var nodeA = new FacePortalFactory();
        var cookie = await nodeA.SignInCookieAsync();
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(nodeA.DataDirectory, ScaleOutWebRegistration.KeyFolder), "key-*.xml"));

        await using var nodeB = new FacePortalFactory { DataDirectory = nodeA.DataDirectory };
        using var client = nodeB.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/people");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // A cookie from an installation with other keys is not accepted: the check is real.
        await using var stranger = new FacePortalFactory();
        using var strangerClient = stranger.CreateBrowserlessClient();
        using var strangerRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/people");
        strangerRequest.Headers.Add("Cookie", cookie);
        using var refused = await strangerClient.SendAsync(strangerRequest, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_redis_setting_that_is_not_a_configuration_string_stops_start_up_naming_the_key()
    {
        var (exitCode, _, error) = await PortalServer.RunUntilExitAsync(
            new Dictionary<string, string> { ["FacePortal__Redis__Configuration"] = "127.0.0.1:6379,nonsense=1" },
            TimeSpan.FromSeconds(60),
            TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("FacePortal:Redis:Configuration is not a Redis configuration string", error, StringComparison.Ordinal);
    }
}
