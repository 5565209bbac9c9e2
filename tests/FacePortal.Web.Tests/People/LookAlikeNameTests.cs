using System.Net;
using System.Net.Http.Json;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.People;

/// <summary>Names that look like an existing person's (or key's) over the real API: the same name, or refused.</summary>
public sealed class LookAlikeNameTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Ana\u00A0Look", "already a person called")]
    [InlineData("Ana\u2002Look", "already a person called")]
    [InlineData("Ana  Look", "already a person called")]
    [InlineData("Ana\u3164Look", "U+3164")]
    [InlineData("Ana Look\u2800", "U+2800")]
    [InlineData("Ana\u200DLook", "U+200D")]
    [InlineData("Ana Look\U000E0041", "U+E0041")]
    [InlineData("\U000E0041\U000E006E\U000E0061", "U+E0041")]
    public async Task A_name_that_looks_like_an_existing_one_is_not_a_second_person(string name, string refusal)
    {
        using var admin = await factory.SignInAsync();
        using (await admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Ana Look" }, Ct))
        {
        }

        using var response = await admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(refusal, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.People, Ct)));
    }
}
