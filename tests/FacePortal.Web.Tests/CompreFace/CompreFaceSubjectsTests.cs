using System.Net.Http.Json;
using FacePortal.Core.Applications;
using FacePortal.Web.CompreFace;
using FacePortal.Web.Tests.Integration;
using static FacePortal.Web.Tests.CompreFace.CompreFaceCalls;

namespace FacePortal.Web.Tests.CompreFace;

/// <summary>CompreFace's subject endpoints (add, rename incl. merge, delete one and all, list) as its REST documentation shows them.</summary>
public sealed class CompreFaceSubjectsTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public async Task Add_answers_201_with_the_subject_and_lists_it_and_a_second_add_is_code_43()
    {
        using var client = await ClientAsync(fixture, ScopeNames.PeopleWrite, ScopeNames.PeopleRead);

        using var added = await client.PostAsJsonAsync(Url("/api/v1/recognition/subjects"), new { subject = "Marie Curie" }, Ct);
        var body = await JsonAsync(added, 201);
        using var again = await client.PostAsJsonAsync(Url("/api/v1/recognition/subjects"), new { subject = "marie curie" }, Ct);

        Assert.Equal("Marie Curie", body.GetProperty("subject").GetString());
        Assert.Contains("Marie Curie", await SubjectsAsync(client));
        await ErrorAsync(again, 400, CompreFaceErrors.SubjectAlreadyExists);
    }

    [Fact]
    public async Task Rename_to_a_free_name_renames_and_the_old_name_is_gone()
    {
        using var client = await ClientAsync(fixture);
        (await client.PostAsJsonAsync(Url("/api/v1/recognition/subjects"), new { subject = "Rename Me" }, Ct)).Dispose();

        using var renamed = await client.PutAsJsonAsync(Url("/api/v1/recognition/subjects/Rename%20Me"), new { subject = "Renamed Person" }, Ct);

        Assert.True((await JsonAsync(renamed)).GetProperty("updated").GetBoolean());
        var subjects = await SubjectsAsync(client);
        Assert.Contains("Renamed Person", subjects);
        Assert.DoesNotContain("Rename Me", subjects);
    }

    [Fact]
    public async Task Rename_onto_an_existing_subject_merges_the_examples_into_it()
    {
        using var client = await ClientAsync(fixture);
        var first = await AddExampleAsync(client, "Merge Source", "img13.jpg");
        var second = await AddExampleAsync(client, "Merge Target", "img14.jpg");

        using var renamed = await client.PutAsJsonAsync(Url("/api/v1/recognition/subjects/Merge%20Source"), new { subject = "Merge Target" }, Ct);
        Assert.True((await JsonAsync(renamed)).GetProperty("updated").GetBoolean());

        using var listed = await client.GetAsync(Url("/api/v1/recognition/faces?subject=Merge%20Target"), Ct);
        var faces = (await JsonAsync(listed)).GetProperty("faces").EnumerateArray().Select(f => f.GetProperty("image_id").GetString()).ToList();
        Assert.Equal(new[] { first, second }.Order(), faces.Order());
        Assert.DoesNotContain("Merge Source", await SubjectsAsync(client));
    }

    [Fact]
    public async Task Rename_and_delete_of_an_unknown_subject_are_404_with_code_42()
    {
        using var client = await ClientAsync(fixture);

        using var renamed = await client.PutAsJsonAsync(Url("/api/v1/recognition/subjects/Nobody%20Here"), new { subject = "Someone" }, Ct);
        using var deleted = await client.DeleteAsync(Url("/api/v1/recognition/subjects/Nobody%20Here"), Ct);

        Assert.Contains("Nobody Here", await ErrorAsync(renamed, 404, CompreFaceErrors.SubjectNotFound), StringComparison.Ordinal);
        await ErrorAsync(deleted, 404, CompreFaceErrors.SubjectNotFound);
    }

    [Fact]
    public async Task Delete_answers_the_subject_and_removes_it_with_its_examples()
    {
        using var client = await ClientAsync(fixture);
        var imageId = await AddExampleAsync(client, "Delete Me", "img16.jpg");

        using var deleted = await client.DeleteAsync(Url("/api/v1/recognition/subjects/Delete%20Me"), Ct);

        Assert.Equal("Delete Me", (await JsonAsync(deleted)).GetProperty("subject").GetString());
        Assert.DoesNotContain("Delete Me", await SubjectsAsync(client));
        using var image = await client.GetAsync(Url($"/api/v1/recognition/faces/{imageId}/img"), Ct);
        await ErrorAsync(image, 404, CompreFaceErrors.ImageNotFound);
    }

    [Fact]
    public async Task Delete_all_answers_how_many_and_leaves_no_subject()
    {
        using var client = await ClientAsync(fixture);
        (await client.PostAsJsonAsync(Url("/api/v1/recognition/subjects"), new { subject = "All One" }, Ct)).Dispose();
        (await client.PostAsJsonAsync(Url("/api/v1/recognition/subjects"), new { subject = "All Two" }, Ct)).Dispose();
        var before = (await SubjectsAsync(client)).Count;

        using var deleted = await client.DeleteAsync(Url("/api/v1/recognition/subjects"), Ct);

        Assert.True(before >= 2);
        Assert.Equal(before, (await JsonAsync(deleted)).GetProperty("deleted").GetInt32());
        Assert.Empty(await SubjectsAsync(client));
    }

    [Fact]
    public async Task A_key_without_people_write_is_refused_403_with_a_code_and_the_scope_named()
    {
        using var client = await ClientAsync(fixture, ScopeNames.PeopleRead);

        using var refused = await client.PostAsJsonAsync(Url("/api/v1/recognition/subjects"), new { subject = "Not Allowed" }, Ct);

        Assert.Contains("'people:write'", await ErrorAsync(refused, 403, CompreFaceErrors.ValidationConstraintViolation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_401_with_a_code()
    {
        using var client = ClientWithKey(fixture, "fpk_abcdefgh_" + new string('A', 43));

        using var refused = await client.GetAsync(Url("/api/v1/recognition/subjects"), Ct);

        Assert.Contains("not known", await ErrorAsync(refused, 401, CompreFaceErrors.MissingHeader), StringComparison.Ordinal);
    }
}
