using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using FacePortal.TestSupport;
using FacePortal.Web.Security;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>
/// Cookie-authenticated writes must prove they came from our pages (issue 15, item 2): a client that
/// holds the sign-in cookie but not the page's token, as another site's page would, changes nothing.
/// </summary>
public sealed class ApiAntiforgeryTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    private static readonly string Id = Guid.NewGuid().ToString();

    /// <summary>Every kind of write the API has, each with a body it would otherwise accept.</summary>
    public static TheoryData<string, string, string> AdminWrites { get; } = new()
    {
        { "POST", "/api/v1/people", "json" },
        { "PUT", $"/api/v1/people/{Id}", "json" },
        { "DELETE", $"/api/v1/people/{Id}", "none" },
        { "POST", $"/api/v1/people/{Id}/photos", "photos" },
        { "DELETE", $"/api/v1/photos/{Id}", "none" },
        { "DELETE", $"/api/v1/faces/{Id}", "none" },
        { "POST", "/api/v1/detect", "jpeg" },
        { "POST", "/api/v1/detect/boxes", "jpeg" },
        { "POST", "/api/v1/import", "zip" },
        { "POST", "/api/v1/training", "json" },
        { "POST", $"/api/v1/training/{Id}/cancel", "none" },
        { "PUT", "/api/v1/training/schedule", "json" },
        { "POST", $"/api/v1/models/{Id}/activate", "none" },
        { "POST", "/api/v1/models/gallery/activate", "none" },
        { "DELETE", $"/api/v1/models/{Id}", "none" },
    };

    [Theory]
    [MemberData(nameof(AdminWrites))]
    public async Task An_admin_cookie_without_the_token_is_refused_with_problem_details(string method, string path, string body)
    {
        using var cookieOnly = await CookieOnlyClientAsync();

        using var response = await cookieOnly.SendAsync(Request(method, path, body), TestContext.Current.CancellationToken);

        await AssertRefusedAsync(response);
    }

    [Theory]
    [InlineData("/api/v1/detect")]
    [InlineData("/api/v1/recognize")]
    [InlineData("/api/v1/verify")]
    public async Task A_user_cookie_without_the_token_is_refused_by_recognition(string path)
    {
        await factory.SignInAsUserAsync("token-less");
        using var cookieOnly = await CookieOnlyClientAsync("token-less", FacePortalFactory.UserPassword);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestPhotos.DeepFace("img1.jpg")), "image", "a.jpg" },
            { new ByteArrayContent(TestPhotos.DeepFace("img1.jpg")), "first", "a.jpg" },
            { new ByteArrayContent(TestPhotos.DeepFace("img2.jpg")), "second", "b.jpg" },
        };

        using var response = await cookieOnly.PostAsync(new Uri(path, UriKind.Relative), form, TestContext.Current.CancellationToken);

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task An_import_sent_the_way_another_sites_page_can_send_it_creates_nobody()
    {
        using var cookieOnly = await CookieOnlyClientAsync();
        var zip = OnePersonZip("Forged Import");
        using var multipart = new MultipartFormDataContent { { new ByteArrayContent(zip), "file", "people.zip" } };
        using var untyped = new ByteArrayContent(zip);

        using var asForm = await cookieOnly.PostAsync(new Uri("/api/v1/import", UriKind.Relative), multipart, TestContext.Current.CancellationToken);
        using var asBlob = await cookieOnly.PostAsync(new Uri("/api/v1/import", UriKind.Relative), untyped, TestContext.Current.CancellationToken);

        await AssertRefusedAsync(asForm);
        await AssertRefusedAsync(asBlob);
        Assert.False(await factory.QueryAsync(db => db.People.AnyAsync(p => p.Name == "Forged Import")));
    }

    [Fact]
    public async Task The_same_writes_with_the_pages_token_work()
    {
        using var admin = await factory.SignInAsync();

        var person = await ApiJson.CreatePersonAsync(admin, "Token Bearer");
        var enrolled = await ApiJson.UploadAsync(admin, person, ("img1.jpg", TestPhotos.DeepFace("img1.jpg")));
        using var zip = new ByteArrayContent(OnePersonZip("Token Import"));
        zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var imported = await admin.PostAsync(new Uri("/api/v1/import", UriKind.Relative), zip, TestContext.Current.CancellationToken);
        using var deleted = await admin.DeleteAsync(new Uri($"/api/v1/people/{person}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("Accepted", Assert.Single(enrolled).Status.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.People.AnyAsync(p => p.Name == "Token Import")));
    }

    [Fact]
    public async Task A_token_made_for_another_account_or_made_up_is_refused()
    {
        using var user = await factory.SignInAsUserAsync("token-lender");
        var (header, userToken) = PortalSignIn.RequestTokenIn(await user.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken));
        using var borrowed = await CookieOnlyClientAsync();
        borrowed.DefaultRequestHeaders.Add(header, userToken);
        using var madeUp = await CookieOnlyClientAsync();
        madeUp.DefaultRequestHeaders.Add(header, "CfDJ8-made-up");

        using var withBorrowed = await borrowed.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Borrowed Token" }, TestContext.Current.CancellationToken);
        using var withMadeUp = await madeUp.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Made-up Token" }, TestContext.Current.CancellationToken);

        await AssertRefusedAsync(withBorrowed);
        await AssertRefusedAsync(withMadeUp);
    }

    [Fact]
    public async Task Anonymous_writes_still_get_401_and_reads_need_no_token()
    {
        using var anonymous = factory.CreateBrowserlessClient();
        using var cookieOnly = await CookieOnlyClientAsync();

        using var refused = await anonymous.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Nobody" }, TestContext.Current.CancellationToken);
        using var read = await cookieOnly.GetAsync(new Uri("/api/v1/people", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_the_token_is_refused_and_the_session_goes_on()
    {
        using var cookieOnly = await CookieOnlyClientAsync();

        using var bare = await cookieOnly.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        using var madeUp = await cookieOnly.PostAsync(
            new Uri("/account/logout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "CfDJ8-made-up" }),
            TestContext.Current.CancellationToken);
        using var after = await cookieOnly.GetAsync(new Uri("/api/v1/people", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertRefusedAsync(bare);
        await AssertRefusedAsync(madeUp);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/import", "text/plain")]
    [InlineData("/api/v1/import", "application/x-www-form-urlencoded")]
    [InlineData("/api/v1/detect", "text/plain")]
    [InlineData("/api/v1/people", "text/plain")]
    [InlineData("/api/v1/recognize", "application/x-www-form-urlencoded")]
    [InlineData("/api/v1/verify", "text/plain")]
    public async Task Writes_accept_only_the_content_types_they_expect(string path, string contentType)
    {
        using var admin = await factory.SignInAsync();
        using var content = new ByteArrayContent("{}"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await admin.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_sent_as_a_url_encoded_form_gets_415()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Url Encoded");

        using var response = await admin.PostAsync(
            new Uri($"/api/v1/people/{person}/photos", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["files"] = "x" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    /// <summary>The rule for the integration-API issue: a caller signed in by something other than the cookie (an API key) is not asked for the token.</summary>
    [Theory]
    [InlineData("Identity.Application", true)] // IdentityConstants.ApplicationScheme, the sign-in cookie
    [InlineData("ApiKey", false)]
    public async Task Only_callers_signed_in_by_the_cookie_are_asked_for_the_token(string authenticationType, bool refused)
    {
        var services = new ServiceCollection().AddLogging().AddAntiforgery(o => o.HeaderName = ApiAntiforgery.HeaderName).BuildServiceProvider();
        var reached = false;
        var middleware = new ApiAntiforgery(_ => { reached = true; return Task.CompletedTask; }, services.GetRequiredService<IAntiforgery>());
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/people";
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "caller")], authenticationType));
        context.Response.Body = new MemoryStream();

        await middleware.InvokeAsync(context);

        Assert.Equal(!refused, reached);
        Assert.Equal(refused ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, context.Response.StatusCode);
    }

    /// <summary>Signed in through the login form, holding the cookies, but never given a page's token: what a cross-site page can make the browser send.</summary>
    private async Task<HttpClient> CookieOnlyClientAsync(string userName = FacePortalFactory.AdminName, string password = FacePortalFactory.AdminPassword)
    {
        var client = factory.CreateBrowserlessClient();
        using var response = await FacePortalFactory.PostLoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Missing or invalid antiforgery token", problem.GetProperty("title").GetString());
    }

    private static HttpRequestMessage Request(string method, string path, string body) => new(new HttpMethod(method), new Uri(path, UriKind.Relative))
    {
        Content = body switch
        {
            "json" => JsonContent.Create(new { name = "Forged", enabled = true, cron = "0 3 * * *" }),
            "photos" => TestPhotos.Form(("a.jpg", TestPhotos.DeepFace("img1.jpg"))),
            "jpeg" => new ByteArrayContent(TestPhotos.DeepFace("img1.jpg")) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } },
            "zip" => new ByteArrayContent(OnePersonZip("Forged")) { Headers = { ContentType = new MediaTypeHeaderValue("application/zip") } },
            _ => null,
        },
    };

    private static byte[] OnePersonZip(string name)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry($"{name}/img1.jpg").Open();
            entry.Write(TestPhotos.DeepFace("img1.jpg"));
        }

        return buffer.ToArray();
    }
}
