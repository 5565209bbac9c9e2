using System.Net;
using System.Net.Http.Json;
using FacePortal.Core.Applications;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Integration;

/// <summary>Each /api/v1 endpoint is reached with its scope and refused (403, naming the scope) without it.</summary>
public sealed class ScopeTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    public static TheoryData<string, string, string> Endpoints => new()
    {
        { ScopeNames.Detect, "POST", "/api/v1/detect" },
        { ScopeNames.Recognize, "POST", "/api/v1/recognize" },
        { ScopeNames.Verify, "POST", "/api/v1/verify" },
        { ScopeNames.PeopleRead, "GET", "/api/v1/people" },
        { ScopeNames.PeopleRead, "GET", "/api/v1/people/{angelina}" },
        { ScopeNames.PeopleWrite, "POST", "/api/v1/people" },
        { ScopeNames.PeopleWrite, "PUT", "/api/v1/people/{angelina}" },
        { ScopeNames.PeopleWrite, "DELETE", "/api/v1/people/{stranger}" },
        { ScopeNames.PeopleWrite, "POST", "/api/v1/people/{stranger}/photos" },
        { ScopeNames.PeopleWrite, "DELETE", "/api/v1/faces/{stranger}" },
        { ScopeNames.PeopleWrite, "DELETE", "/api/v1/photos/{stranger}" },
        { ScopeNames.PeopleRead, "GET", "/api/v1/photos/{stranger}/file" },
        { ScopeNames.PeopleRead, "GET", "/api/v1/photos/{stranger}/thumbnail" },
        { ScopeNames.PeopleRead, "GET", "/api/v1/faces/{stranger}/crop" },
    };

    /// <summary>The operations no scope covers: the pages' own, for signed-in admins.</summary>
    public static TheoryData<string, string> AdminOnly => new()
    {
        { "GET", "/api/v1/training" },
        { "POST", "/api/v1/training" },
        { "GET", "/api/v1/models" },
        { "GET", "/api/v1/export" },
        { "POST", "/api/v1/import" },
        { "GET", "/api/v1/applications" },
    };

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task A_key_with_every_scope_is_refused_where_only_a_signed_in_admin_may_go(string method, string path)
    {
        using var everything = await fixture.KeyClientAsync([.. ScopeNames.All.Select(s => s.Name)]);
        using var admin = await fixture.Factory.SignInAsync();

        using var no = await SendAsync(everything, method, path);
        using var yes = method == "GET" ? await SendAsync(admin, method, path) : null;

        Assert.Contains("signed-in administrators", await ApiBodies.ProblemAsync(no, 403), StringComparison.Ordinal);
        Assert.True(yes is null || yes.StatusCode == HttpStatusCode.OK, $"{path}: {(int?)yes?.StatusCode}");
    }

    [Fact]
    public async Task A_signed_in_user_may_recognize_as_on_the_pages_but_not_read_people_or_their_photos()
    {
        using var user = await fixture.Factory.SignInAsUserAsync();

        using var recognized = await SendAsync(user, "POST", "/api/v1/recognize");
        using var detected = await SendAsync(user, "POST", "/api/v1/detect");
        using var photo = await SendAsync(user, "GET", "/api/v1/photos/{stranger}/thumbnail");

        Assert.Equal(HttpStatusCode.OK, recognized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, detected.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, photo.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_endpoint_answers_a_key_with_its_scope_and_refuses_one_without_it(string scope, string method, string path)
    {
        using var allowed = await fixture.KeyClientAsync(scope);
        using var refused = await fixture.KeyClientAsync([.. ScopeNames.All.Select(s => s.Name).Where(s => s != scope)]);

        using var yes = await SendAsync(allowed, method, path);
        using var no = await SendAsync(refused, method, path);

        Assert.True(yes.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{method} {path} with {scope}: {(int)yes.StatusCode}");
        Assert.True((int)yes.StatusCode < 500, $"{method} {path}: {await yes.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var detail = await ApiBodies.ProblemAsync(no, 403);
        Assert.Contains($"'{scope}'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_key_an_unknown_key_and_a_malformed_key_get_401_with_the_reason()
    {
        using var none = fixture.Factory.CreateClient();
        using var noKey = await none.GetAsync(new Uri("/api/v1/people", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("X-Api-Key", await ApiBodies.ProblemAsync(noKey, 401), StringComparison.Ordinal);

        using var unknown = fixture.KeyClient("fpk_abcdefgh_" + new string('A', 43));
        using var unknownKey = await unknown.GetAsync(new Uri("/api/v1/people", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("not known", await ApiBodies.ProblemAsync(unknownKey, 401), StringComparison.Ordinal);

        using var malformed = fixture.KeyClient("secret");
        using var malformedKey = await malformed.GetAsync(new Uri("/api/v1/people", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("does not hold", await ApiBodies.ProblemAsync(malformedKey, 401), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_admin_may_use_the_api_and_a_plain_user_may_not()
    {
        using var admin = await fixture.Factory.SignInAsync();
        using var asAdmin = await admin.GetAsync(new Uri("/api/v1/people", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);

        using var user = await fixture.Factory.SignInAsUserAsync();
        using var asUser = await user.GetAsync(new Uri("/api/v1/people", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var uri = new Uri(path.Replace("{angelina}", fixture.Angelina.ToString(), StringComparison.Ordinal).Replace("{stranger}", Guid.NewGuid().ToString(), StringComparison.Ordinal), UriKind.Relative);
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (method is "POST" or "PUT")
        {
            request.Content = path.EndsWith("/people", StringComparison.Ordinal) || path.EndsWith("/training", StringComparison.Ordinal) || method == "PUT"
                ? JsonContent.Create(new { name = $"Scope test {Guid.NewGuid():N}"[..24] })
                : ApiBodies.Multipart(("image", TestPhotos.DeepFace("img1.jpg")));
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
