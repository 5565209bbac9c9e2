using System.Net;
using System.Net.Http.Json;
using FacePortal.Core.Applications;
using FacePortal.Core.Auditing;
using FacePortal.Core.People;
using FacePortal.Web.Integration;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Web.Tests.Integration;

/// <summary>People over /api/v1 with a key: the whole life of a person, per-file upload outcomes, and the audit trail under the key's name.</summary>
public sealed class PeopleApiTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_creates_renames_enrolls_reads_removes_a_face_and_deletes_a_person_each_change_audited_under_its_name()
    {
        var key = await fixture.CreateKeyAsync("attendance", ScopeNames.PeopleRead, ScopeNames.PeopleWrite);
        using var client = fixture.KeyClient(key.Key);

        using var created = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Api Person" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiBodies.OkAsync<CreatedPerson>(created)).Id;

        using var renamed = await client.PutAsJsonAsync(new Uri($"/api/v1/people/{id}", UriKind.Relative), new { name = "Api Person Renamed" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, renamed.StatusCode);

        using var form = TestPhotos.Form(("img1.jpg", TestPhotos.DeepFace("img1.jpg")), ("couple.jpg", TestPhotos.DeepFace("couple.jpg")), ("notes.jpg", "text"u8.ToArray()));
        using var uploaded = await client.PostAsync(new Uri($"/api/v1/people/{id}/photos", UriKind.Relative), form, Ct);
        var outcomes = await ApiBodies.OkAsync<List<EnrollmentResult>>(uploaded);
        Assert.Equal(3, outcomes.Count);
        Assert.True(outcomes[0].IsAccepted, outcomes[0].Message);
        Assert.Equal(EnrollmentStatus.Rejected, outcomes[2].Status);
        Assert.All(outcomes, o => Assert.False(string.IsNullOrWhiteSpace(o.Message)));

        using var read = await client.GetAsync(new Uri($"/api/v1/people/{id}", UriKind.Relative), Ct);
        var person = await ApiBodies.OkAsync<PersonDetails>(read);
        Assert.Equal("Api Person Renamed", person.Name);
        Assert.NotEmpty(person.Faces);

        using var listed = await client.GetAsync(new Uri("/api/v1/people?search=renamed", UriKind.Relative), Ct);
        Assert.Contains((await ApiBodies.OkAsync<PeoplePage>(listed)).Items, p => p.Id == id);

        using var faceRemoved = await client.DeleteAsync(new Uri($"/api/v1/faces/{person.Faces[0].Id}", UriKind.Relative), Ct);
        Assert.True((await ApiBodies.OkAsync<DeletionReport>(faceRemoved)).Found);

        using var deleted = await client.DeleteAsync(new Uri($"/api/v1/people/{id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var gone = await client.GetAsync(new Uri($"/api/v1/people/{id}", UriKind.Relative), Ct);
        await ApiBodies.ProblemAsync(gone, 404);

        var actions = await fixture.Factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectId == id.ToString() || e.Details.Contains("Api Person")).ToListAsync(Ct));
        var byKey = actions.Where(e => e.Actor.Contains(key.Prefix, StringComparison.Ordinal) && e.Actor.StartsWith("attendance", StringComparison.Ordinal)).Select(e => e.Action).ToList();
        Assert.Contains(AuditActions.PersonCreated, byKey);
        Assert.Contains(AuditActions.PersonRenamed, byKey);
        Assert.Contains(AuditActions.PhotoEnrolled, byKey);
        Assert.Contains(AuditActions.PersonDeleted, byKey);
    }

    [Fact]
    public async Task Bad_names_and_unknown_people_are_answered_with_a_sentence()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.PeopleWrite);
        using var empty = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = " " }, Ct);
        await ApiBodies.ProblemAsync(empty, 400);

        using var nobody = await client.PutAsJsonAsync(new Uri($"/api/v1/people/{Guid.NewGuid()}", UriKind.Relative), new { name = "Someone" }, Ct);
        await ApiBodies.ProblemAsync(nobody, 404);

        using var noFiles = await client.PostAsync(new Uri($"/api/v1/people/{fixture.Angelina}/photos", UriKind.Relative), new MultipartFormDataContent { { new StringContent("x"), "note" } }, Ct);
        await ApiBodies.ProblemAsync(noFiles, 400);
    }
}
