using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.Core.Lab;
using FacePortal.Core.People;
using FacePortal.Core.People.Transfer;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.People;

/// <summary>
/// A photo with several faces enrolls nothing until someone says which face is the person: the portal's
/// upload API answers 422 with the faces, face= and box= choose one, the zip import skips the photo, such a
/// face is never the person's picture, and the lab lists it. A real four-face group photo (face-api's sample4.jpg).
/// </summary>
public sealed class GroupPhotoTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_group_photo_is_answered_422_with_every_face_and_nothing_is_stored()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Group Asked");
        var filesBefore = factory.BlobFiles().Count;

        using var response = await PostAsync(admin, $"/api/v1/people/{person}/photos", ("group.jpg", TestPhotos.GroupOfFour()));

        var problem = await ChoiceProblemAsync(response);
        Assert.Equal(4, problem.Faces.Count);
        Assert.Equal([0, 1, 2, 3], problem.Faces.Select(f => f.Index));
        Assert.All(problem.Faces, f => Assert.True(f.Right > f.Left && f.Bottom > f.Top && f.Right <= 1920 && f.Bottom <= 1448 && f.DetectionScore > 0.5f, $"{f}"));
        Assert.Equal((1920, 1448), (problem.Width, problem.Height));
        Assert.Contains("holds 4 faces", problem.Detail, StringComparison.Ordinal);
        var result = Assert.Single(problem.Results);
        Assert.Equal(EnrollmentStatus.NeedsFaceChoice, result.Status);
        Assert.Null(result.PhotoId);

        Assert.Equal(0, await factory.QueryAsync(db => db.Photos.CountAsync(p => p.PersonId == person, Ct)));
        Assert.Equal(0, await factory.QueryAsync(db => db.Faces.CountAsync(f => f.PersonId == person, Ct)));
        Assert.Equal(filesBefore, factory.BlobFiles().Count);
    }

    [Fact]
    public async Task Choosing_a_face_by_index_enrolls_exactly_that_face()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Group Index");
        using var asked = await PostAsync(admin, $"/api/v1/people/{person}/photos", ("group.jpg", TestPhotos.GroupOfFour()));
        var faces = (await ChoiceProblemAsync(asked)).Faces;

        using var chosen = await PostAsync(admin, $"/api/v1/people/{person}/photos?face=2", ("group.jpg", TestPhotos.GroupOfFour()));

        var result = Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(chosen));
        Assert.True(result.IsAccepted, result.Message);
        Assert.Equal(faces[2].Box, result.EnrolledBox!.Value);
        Assert.Equal(3, result.OtherFaces!.Count);
        var face = await factory.QueryAsync(db => db.Faces.Include(f => f.Photo).SingleAsync(f => f.PersonId == person, Ct));
        Assert.Equal(faces[2].Box, face.Box);
        Assert.Equal(4, face.Photo!.FacesFound);
    }

    [Fact]
    public async Task Choosing_a_face_by_an_overlapping_box_enrolls_that_face()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Group Box");
        using var asked = await PostAsync(admin, $"/api/v1/people/{person}/photos", ("group.jpg", TestPhotos.GroupOfFour()));
        var target = (await ChoiceProblemAsync(asked)).Faces[1];

        // A box drawn by hand around the face: a few pixels off every side still overlaps it far more than 0.5.
        var drawn = string.Join(',', new[] { target.Left - 6, target.Top + 4, target.Right + 5, target.Bottom - 3 }.Select(v => v.ToString("0", CultureInfo.InvariantCulture)));
        using var chosen = await PostAsync(admin, $"/api/v1/people/{person}/photos?box={drawn}", ("group.jpg", TestPhotos.GroupOfFour()));

        var result = Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(chosen));
        Assert.True(result.IsAccepted, result.Message);
        Assert.Equal(target.Box, result.EnrolledBox!.Value);
    }

    [Fact]
    public async Task A_choice_that_matches_no_face_or_cannot_be_read_is_refused_with_a_sentence()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Group Wrong Choice");

        using var noSuchIndex = await PostAsync(admin, $"/api/v1/people/{person}/photos?face=7", ("group.jpg", TestPhotos.GroupOfFour()));
        using var emptyCorner = await PostAsync(admin, $"/api/v1/people/{person}/photos?box=0,0,20,20", ("group.jpg", TestPhotos.GroupOfFour()));
        using var malformed = await PostAsync(admin, $"/api/v1/people/{person}/photos?box=1,2,3", ("group.jpg", TestPhotos.GroupOfFour()));
        using var twoFiles = await PostAsync(admin, $"/api/v1/people/{person}/photos?face=0", ("group.jpg", TestPhotos.GroupOfFour()), ("img1.jpg", TestPhotos.DeepFace("img1.jpg")));

        var index = await ChoiceProblemAsync(noSuchIndex);
        Assert.Equal(RejectionReason.NoSuchFace, Assert.Single(index.Results).Reason);
        Assert.Contains("There is no face 7", index.Detail, StringComparison.Ordinal);
        Assert.Equal(4, index.Faces.Count);
        var corner = await ChoiceProblemAsync(emptyCorner);
        Assert.Contains("overlaps the given box", corner.Detail, StringComparison.Ordinal);
        Assert.Contains("left,top,right,bottom", await ApiBodies.ProblemAsync(malformed, 400), StringComparison.Ordinal);
        Assert.Contains("send that photo alone", await ApiBodies.ProblemAsync(twoFiles, 400), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Faces.CountAsync(f => f.PersonId == person, Ct)));
    }

    [Fact]
    public async Task A_face_from_a_group_photo_is_never_the_persons_picture()
    {
        using var admin = await factory.SignInAsync();
        var people = factory.Services.GetRequiredService<PeopleService>();
        var person = await ApiJson.CreatePersonAsync(admin, "Group Avatar");
        using var chosen = await PostAsync(admin, $"/api/v1/people/{person}/photos?face=0", ("group.jpg", TestPhotos.GroupOfFour()));
        var groupFace = Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(chosen)).FaceId;

        // Only a face from a group photo: the placeholder, in the list and on the person.
        Assert.Null((await people.GetAsync(person, Ct))!.AvatarFaceId);
        Assert.True((await people.GetAsync(person, Ct))!.Faces.Single().FromGroupPhoto);
        Assert.Null((await people.ListAsync(new PeopleQuery("Group Avatar"), Ct)).Items.Single().ThumbnailFaceId);

        var single = Assert.Single(await ApiJson.UploadAsync(admin, person, ("img1.jpg", TestPhotos.DeepFace("img1.jpg"))));

        var details = (await people.GetAsync(person, Ct))!;
        Assert.Equal(2, details.Faces.Count);
        Assert.Equal(single.FaceId, details.AvatarFaceId);
        Assert.NotEqual(groupFace, details.AvatarFaceId);
        Assert.Equal(single.FaceId, (await people.ListAsync(new PeopleQuery("Group Avatar"), Ct)).Items.Single().ThumbnailFaceId);
    }

    [Fact]
    public async Task A_webcam_sample_keeps_the_highlighted_face_rule()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Group Webcam");

        using var response = await PostAsync(admin, $"/api/v1/people/{person}/photos?source=webcam", ("webcam-1.jpg", TestPhotos.GroupOfFour()));

        var result = Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(response));
        Assert.Equal(EnrollmentStatus.AcceptedWithWarning, result.Status);
        Assert.Contains("4 faces were found; the highlighted one", result.Message, StringComparison.Ordinal);
        Assert.Equal(PhotoSource.Webcam, await factory.QueryAsync(db => db.Photos.Where(p => p.PersonId == person).Select(p => p.Source).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_zip_import_skips_a_group_photo_and_says_where_to_choose_the_face()
    {
        using var admin = await factory.SignInAsync();
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "Zip Group/one.jpg", TestPhotos.DeepFace("img1.jpg"));
            Add(archive, "Zip Group/party.jpg", TestPhotos.GroupOfFour());
        }

        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await admin.PostAsync(new Uri("/api/v1/import", UriKind.Relative), content, Ct);
        var report = (await response.Content.ReadFromJsonAsync<ImportReport>(ApiJson.Options, Ct))!;

        var person = Assert.Single(report.People);
        Assert.Equal((1, 1), (person.Accepted, person.Rejected));
        var skipped = Assert.Single(person.Results, r => !r.IsAccepted);
        Assert.Equal("party.jpg", skipped.FileName);
        Assert.Equal("4 faces: upload it on the person page and pick the face.", skipped.Message);
        Assert.Equal(1, await factory.QueryAsync(db => db.Photos.CountAsync(p => p.PersonId == person.PersonId, Ct)));
    }

    [Fact]
    public async Task The_lab_lists_faces_enrolled_from_group_photos()
    {
        using var admin = await factory.SignInAsync();
        var person = await GalleryPeople.EnrollAsync(factory, "Group Lab", "img1.jpg", "img2.jpg");
        using var chosen = await PostAsync(admin, $"/api/v1/people/{person}/photos?face=1", ("group.jpg", TestPhotos.GroupOfFour()));
        var groupFace = Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(chosen)).FaceId;

        var report = await factory.Services.GetRequiredService<EmbeddingLab>().AnalyseAsync(new LabFilter([person]), Ct);

        Assert.Equal(3, report.Faces.Count);
        var flagged = Assert.Single(report.FromGroupPhotos);
        Assert.Equal(groupFace, report.Faces[flagged].FaceId);
        Assert.Equal(4, report.Faces[flagged].FacesInPhoto);
    }

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string FileName, byte[] Bytes)[] files)
    {
        using var form = TestPhotos.Form(files);
        return await client.PostAsync(new Uri(url, UriKind.Relative), form, Ct);
    }

    /// <summary>The 422 answer's faces, photo size and per-file results.</summary>
    internal static async Task<ChoiceProblem> ChoiceProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(422, root.GetProperty("status").GetInt32());
        return new ChoiceProblem(
            root.GetProperty("detail").GetString()!,
            root.GetProperty("imageWidth").GetInt32(),
            root.GetProperty("imageHeight").GetInt32(),
            root.GetProperty("faces").Deserialize<List<FoundFace>>(ApiJson.Options)!,
            root.GetProperty("results").Deserialize<List<EnrollmentResult>>(ApiJson.Options)!);
    }

    private static void Add(ZipArchive archive, string path, byte[] bytes)
    {
        using var stream = archive.CreateEntry(path).Open();
        stream.Write(bytes);
    }

    internal sealed record ChoiceProblem(string Detail, int Width, int Height, IReadOnlyList<FoundFace> Faces, IReadOnlyList<EnrollmentResult> Results);
}
