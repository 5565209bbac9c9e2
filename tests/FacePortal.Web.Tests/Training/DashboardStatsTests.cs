using System.Net;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Training;

/// <summary>The job dashboard's /stats, asked for as its page script asks and as it does not.</summary>
public sealed class DashboardStatsTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_get_or_an_empty_post_is_refused_as_such_and_the_dashboards_own_post_answers()
    {
        using var admin = await factory.SignInAsync();

        using var get = await admin.GetAsync(new Uri("/hangfire/stats", UriKind.Relative), Ct);
        using var empty = await admin.PostAsync(new Uri("/hangfire/stats", UriKind.Relative), new FormUrlEncodedContent([]), Ct);
        using var bare = await admin.PostAsync(new Uri("/hangfire/stats", UriKind.Relative), null, Ct);
        using var asked = await admin.PostAsync(
            new Uri("/hangfire/stats", UriKind.Relative),
            new FormUrlEncodedContent([new("metrics[]", "failed:count"), new("metrics[]", "succeeded:count")]),
            Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("\"failed:count\"", await asked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_stay_admin_only()
    {
        using var user = await factory.SignInAsUserAsync();
        using var anonymous = factory.CreateBrowserlessClient();

        using var refused = await user.PostAsync(new Uri("/hangfire/stats", UriKind.Relative), new FormUrlEncodedContent([new("metrics[]", "enqueued:count")]), Ct);
        using var visitor = await anonymous.GetAsync(new Uri("/hangfire/stats", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.StartsWith("/account/login", visitor.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
