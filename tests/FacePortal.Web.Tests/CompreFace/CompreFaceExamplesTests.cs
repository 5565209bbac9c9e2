using System.Net.Http.Json;
using FacePortal.Core.Applications;
using FacePortal.Web.CompreFace;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using static FacePortal.Web.Tests.CompreFace.CompreFaceCalls;

namespace FacePortal.Web.Tests.CompreFace;

/// <summary>CompreFace's face examples: add by multipart and base64, list with paging and a subject filter, download, delete one, several, all.</summary>
public sealed class CompreFaceExamplesTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public async Task Adding_an_example_creates_the_subject_and_its_image_downloads_as_uploaded()
    {
        using var client = await ClientAsync(fixture, ScopeNames.PeopleWrite, ScopeNames.PeopleRead);

        var imageId = await AddExampleAsync(client, "Example Owner", "img18.jpg");
        using var image = await client.GetAsync(Url($"/api/v1/recognition/faces/{imageId}/img"), Ct);

        Assert.Contains("Example Owner", await SubjectsAsync(client));
        Assert.True(image.IsSuccessStatusCode, $"{(int)image.StatusCode}");
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestPhotos.DeepFace("img18.jpg"), await image.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task An_example_in_base64_json_is_added_like_a_multipart_one()
    {
        using var client = await ClientAsync(fixture);

        using var added = await client.PostAsync(Url("/api/v1/recognition/faces?subject=Base64%20Owner&det_prob_threshold=0.8"), Base64("img19.jpg"), Ct);
        var body = await JsonAsync(added, 201);

        Assert.Equal("Base64 Owner", body.GetProperty("subject").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("image_id").GetString(), out _));
    }

    [Fact]
    public async Task A_photo_without_a_face_is_400_with_code_28_and_compreface_s_sentence()
    {
        using var client = await ClientAsync(fixture);

        using var refused = await client.PostAsync(Url("/api/v1/recognition/faces?subject=Faceless"), ApiBodies.Multipart(("file", ApiBodies.NoFacePhoto())), Ct);

        Assert.Equal("No face is found in the given image", await ErrorAsync(refused, 400, CompreFaceErrors.NoFacesFound));
    }

    [Fact]
    public async Task Listing_pages_through_the_examples_and_filters_by_subject()
    {
        using var client = await ClientAsync(fixture);
        var a = await AddExampleAsync(client, "Paged Person", "img8.jpg");
        var b = await AddExampleAsync(client, "Paged Person", "img9.jpg");

        using var first = await client.GetAsync(Url("/api/v1/recognition/faces?subject=Paged%20Person&page=0&size=1"), Ct);
        using var second = await client.GetAsync(Url("/api/v1/recognition/faces?subject=Paged%20Person&page=1&size=1"), Ct);
        using var everyone = await client.GetAsync(Url("/api/v1/recognition/faces"), Ct);
        var one = await JsonAsync(first);
        var two = await JsonAsync(second);
        var all = await JsonAsync(everyone);

        Assert.Equal(0, one.GetProperty("page_number").GetInt32());
        Assert.Equal(1, one.GetProperty("page_size").GetInt32());
        Assert.Equal(2, one.GetProperty("total_pages").GetInt32());
        Assert.Equal(2, one.GetProperty("total_elements").GetInt32());
        Assert.Equal(a, Assert.Single(one.GetProperty("faces").EnumerateArray().ToList()).GetProperty("image_id").GetString());
        Assert.Equal(b, Assert.Single(two.GetProperty("faces").EnumerateArray().ToList()).GetProperty("image_id").GetString());
        Assert.Equal(20, all.GetProperty("page_size").GetInt32());
        Assert.True(all.GetProperty("total_elements").GetInt32() >= 4, "Angelina's two and these two");
        Assert.Contains(all.GetProperty("faces").EnumerateArray(), f => f.GetProperty("subject").GetString() == "Angelina Photo");
    }

    [Fact]
    public async Task Listing_an_unknown_subject_is_404_with_code_42()
    {
        using var client = await ClientAsync(fixture);

        using var refused = await client.GetAsync(Url("/api/v1/recognition/faces?subject=Nobody%20Listed"), Ct);

        await ErrorAsync(refused, 404, CompreFaceErrors.SubjectNotFound);
    }

    [Fact]
    public async Task Deleting_one_example_answers_it_and_a_second_delete_is_404_with_code_11()
    {
        using var client = await ClientAsync(fixture);
        var imageId = await AddExampleAsync(client, "Delete One", "img22.jpg");

        using var deleted = await client.DeleteAsync(Url($"/api/v1/recognition/faces/{imageId}"), Ct);
        using var again = await client.DeleteAsync(Url($"/api/v1/recognition/faces/{imageId}"), Ct);
        var body = await JsonAsync(deleted);

        Assert.Equal(imageId, body.GetProperty("image_id").GetString());
        Assert.Equal("Delete One", body.GetProperty("subject").GetString());
        await ErrorAsync(again, 404, CompreFaceErrors.ImageNotFound);
    }

    [Fact]
    public async Task Deleting_several_examples_answers_those_found()
    {
        using var client = await ClientAsync(fixture);
        var a = await AddExampleAsync(client, "Delete Several", "img24.jpg");
        var b = await AddExampleAsync(client, "Delete Several", "img25.jpg");

        using var deleted = await client.PostAsJsonAsync(Url("/api/v1/recognition/faces/delete"), new[] { a, b, Guid.NewGuid().ToString() }, Ct);
        var body = await JsonAsync(deleted);

        Assert.Equal(new[] { a, b }.Order(), body.EnumerateArray().Select(e => e.GetProperty("image_id").GetString()).Order());
        Assert.All(body.EnumerateArray(), e => Assert.Equal("Delete Several", e.GetProperty("subject").GetString()));
        using var left = await client.GetAsync(Url("/api/v1/recognition/faces?subject=Delete%20Several"), Ct);
        Assert.Equal(0, (await JsonAsync(left)).GetProperty("total_elements").GetInt32());
    }

    [Fact]
    public async Task Deleting_all_examples_of_a_subject_keeps_the_subject_and_nobody_else_s()
    {
        using var client = await ClientAsync(fixture);
        await AddExampleAsync(client, "Delete All Of", "img20.jpg");
        await AddExampleAsync(client, "Delete All Of", "img21.jpg");

        using var deleted = await client.DeleteAsync(Url("/api/v1/recognition/faces?subject=Delete%20All%20Of"), Ct);

        Assert.Equal(2, (await JsonAsync(deleted)).GetProperty("deleted").GetInt32());
        Assert.Contains("Delete All Of", await SubjectsAsync(client));
        using var angelina = await client.GetAsync(Url("/api/v1/recognition/faces?subject=Angelina%20Photo"), Ct);
        Assert.Equal(2, (await JsonAsync(angelina)).GetProperty("total_elements").GetInt32());
    }
}
