using System.Net;
using System.Net.Http.Json;
using FacePortal.Core.Applications;
using FacePortal.Core.Auditing;
using FacePortal.Core.People;
using FacePortal.Web.People;
using FacePortal.Web.Recognition;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

        // The couple needs a face chosen: 422, with every file's result, since the others of the batch were handled.
        var problem = await People.GroupPhotoTests.ChoiceProblemAsync(uploaded);
        var outcomes = problem.Results;
        Assert.Equal(3, outcomes.Count);
        Assert.True(outcomes[0].IsAccepted, outcomes[0].Message);
        Assert.Equal(EnrollmentStatus.NeedsFaceChoice, outcomes[1].Status);
        Assert.Equal(2, problem.Faces.Count);
        Assert.Equal(EnrollmentStatus.Rejected, outcomes[2].Status);
        Assert.All(outcomes, o => Assert.False(string.IsNullOrWhiteSpace(o.Message)));

        using var read = await client.GetAsync(new Uri($"/api/v1/people/{id}", UriKind.Relative), Ct);
        var person = await ApiBodies.OkAsync<PersonDetails>(read);
        Assert.Equal("Api Person Renamed", person.Name);
        Assert.NotEmpty(person.Faces);

        using var listed = await client.GetAsync(new Uri("/api/v1/people?search=renamed", UriKind.Relative), Ct);
        Assert.Contains((await ApiBodies.OkAsync<FacePortal.Core.People.PeoplePage>(listed)).Items, p => p.Id == id);

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
    public async Task A_group_photo_is_answered_422_with_its_boxes_until_a_face_form_field_or_box_chooses_one()
    {
        var key = await fixture.CreateKeyAsync("group", ScopeNames.PeopleRead, ScopeNames.PeopleWrite);
        using var client = fixture.KeyClient(key.Key);
        using var created = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Api Group" }, Ct);
        var id = (await ApiBodies.OkAsync<CreatedPerson>(created)).Id;
        var group = TestPhotos.GroupOfFour();

        using var asked = await People.GroupPhotoTests.PostAsync(client, $"/api/v1/people/{id}/photos", ("group.jpg", group));
        var faces = (await People.GroupPhotoTests.ChoiceProblemAsync(asked)).Faces;
        Assert.Equal(4, faces.Count);

        // face as a form field beside the file.
        using var form = TestPhotos.Form(("group.jpg", group));
        form.Add(new StringContent("3"), "face");
        using var byIndex = await client.PostAsync(new Uri($"/api/v1/people/{id}/photos", UriKind.Relative), form, Ct);
        var enrolled = Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(byIndex));
        Assert.Equal(faces[3].Box, enrolled.EnrolledBox!.Value);

        // box in the query: the photo is now enrolled for this person, so a second face of it comes from a copy with other bytes.
        var box = FormattableString.Invariant($"{faces[0].Left:0},{faces[0].Top:0},{faces[0].Right:0},{faces[0].Bottom:0}");
        using var byBox = await People.GroupPhotoTests.PostAsync(client, $"/api/v1/people/{id}/photos?box={box}", ("group-copy.jpg", [.. group, 0]));
        Assert.Equal(faces[0].Box, Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(byBox)).EnrolledBox!.Value);

        var person = (await fixture.Factory.Services.GetRequiredService<PeopleService>().GetAsync(id, Ct))!;
        Assert.Equal(2, person.Faces.Count);
        Assert.All(person.Faces, f => Assert.True(f.FromGroupPhoto));
        Assert.Null(person.AvatarFaceId);
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
