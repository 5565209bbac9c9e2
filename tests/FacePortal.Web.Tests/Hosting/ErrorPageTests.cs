using System.Net;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>The page UseExceptionHandler("/error") shows; the failing requests themselves are in FullDiskTests.</summary>
public sealed class ErrorPageTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Fact]
    public async Task The_error_page_exists_for_anyone_and_shows_a_request_id()
    {
        using var anonymous = factory.CreateBrowserlessClient();

        using var response = await anonymous.GetAsync(new Uri("/error", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Something went wrong", page, StringComparison.Ordinal);
        Assert.Matches("id=\"request-id\">[^<]+<", page);
    }
}
