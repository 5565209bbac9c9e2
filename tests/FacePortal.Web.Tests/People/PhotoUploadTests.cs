using System.Net;
using FacePortal.Core.People;
using FacePortal.Core.Storage;
using FacePortal.TestSupport;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace FacePortal.Web.Tests.People;

/// <summary>Uploads through the HTTP API into a real SQLite database and blob store.</summary>
public sealed class PhotoUploadTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Fact]
    public async Task A_good_photo_is_enrolled_with_its_rows_and_files()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Good Photo");
        var photo = TestPhotos.DeepFace("img1.jpg");

        var result = Assert.Single(await ApiJson.UploadAsync(admin, person, ("img1.jpg", photo)));

        Assert.Equal(EnrollmentStatus.Accepted, result.Status);
        Assert.Equal(1, result.FacesFound);
        var row = await factory.QueryAsync(db => db.Photos.Include(p => p.Faces).SingleAsync(p => p.PersonId == person));
        Assert.Equal("image/jpeg", row.ContentType);
        Assert.Equal(photo.Length, row.ByteLength);
        var face = Assert.Single(row.Faces);
        Assert.Equal(512, FloatBlob.ToFloats(face.Embedding).Length);
        Assert.Equal(1.0, FloatBlob.ToFloats(face.Embedding).Sum(v => (double)v * v), 3);
        Assert.Contains(row.ContentHash, factory.BlobFiles());
        Assert.Contains(face.CropHash, factory.BlobFiles());

        // The stored crop is served through the authorized endpoint as a 112x112 PNG.
        var crop = await admin.GetByteArrayAsync(new Uri($"/api/v1/faces/{face.Id}/crop", UriKind.Relative), TestContext.Current.CancellationToken);
        using var bitmap = SKBitmap.Decode(crop);
        Assert.Equal((112, 112), (bitmap.Width, bitmap.Height));
        var original = await admin.GetByteArrayAsync(new Uri($"/api/v1/photos/{row.Id}/file", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(photo, original);
    }

    [Fact]
    public async Task Bad_photos_are_rejected_one_by_one_with_reasons_and_leave_nothing_behind()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Bad Photos");
        var good = TestPhotos.DeepFace("img2.jpg");
        var filesBefore = factory.BlobFiles().Count;

        var results = await ApiJson.UploadAsync(
            admin,
            person,
            ("corrupt.jpg", good[..(good.Length / 3)]),
            ("notes.jpg", "this is a text file, not a photo"u8.ToArray()),
            ("huge.png", FacePortal.TestSupport.PngBombs.Create(30000, 30000)),
            ("landscape.jpg", NoFace()),
            ("blurred.jpg", Blurred(good)),
            ("good.jpg", good));

        Assert.Equal(6, results.Count);
        Assert.Equal(RejectionReason.Unreadable, results[0].Reason);
        Assert.Equal(RejectionReason.Unreadable, results[1].Reason);
        Assert.Contains("not an image", results[1].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(RejectionReason.Unreadable, results[2].Reason);
        Assert.Contains("30000x30000", results[2].Message, StringComparison.Ordinal);
        Assert.Equal(RejectionReason.NoFace, results[3].Reason);
        Assert.Equal(RejectionReason.TooBlurred, results[4].Reason);
        Assert.Contains("blurred", results[4].Message, StringComparison.Ordinal);
        Assert.Equal(EnrollmentStatus.Accepted, results[5].Status);

        // Only the good photo left rows and files (its photo and its crop).
        Assert.Equal(1, await factory.QueryAsync(db => db.Photos.CountAsync(p => p.PersonId == person)));
        Assert.Equal(1, await factory.QueryAsync(db => db.Faces.CountAsync(f => f.PersonId == person)));
        Assert.Equal(filesBefore + 2, factory.BlobFiles().Count);
    }

    [Fact]
    public async Task Several_faces_enroll_nothing_until_one_is_chosen_and_then_show_the_others()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Couple");

        using var asked = await GroupPhotoTests.PostAsync(admin, $"/api/v1/people/{person}/photos", ("couple.jpg", TestPhotos.DeepFace("couple.jpg")));
        var faces = (await GroupPhotoTests.ChoiceProblemAsync(asked)).Faces;
        Assert.Equal(2, faces.Count);
        Assert.False(await factory.QueryAsync(db => db.Photos.AnyAsync(p => p.PersonId == person)));

        var largest = faces.MaxBy(f => f.Box.Area)!;
        using var chosen = await GroupPhotoTests.PostAsync(admin, $"/api/v1/people/{person}/photos?face={largest.Index}", ("couple.jpg", TestPhotos.DeepFace("couple.jpg")));
        var result = Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(chosen));

        Assert.Equal(EnrollmentStatus.Accepted, result.Status);
        Assert.Equal("Enrolled the chosen face; the photo holds 2 faces.", result.Message);
        Assert.Equal(2, result.FacesFound);
        Assert.Equal(largest.Box, result.EnrolledBox!.Value);
        var other = Assert.Single(result.OtherFaces!);
        Assert.True(result.EnrolledBox!.Value.Area >= other.Area);
        var photo = await factory.QueryAsync(db => db.Photos.SingleAsync(p => p.PersonId == person));
        Assert.Equal(2, photo.FacesFound);
        Assert.Null(photo.Warning);
    }

    [Fact]
    public async Task A_webcam_sample_enrolls_the_subject_rather_than_a_bigger_bystander()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Subject");

        // The webcam preview highlights the primary face, so a webcam sample enrolls it without asking.
        using var response = await GroupPhotoTests.PostAsync(admin, $"/api/v1/people/{person}/photos?source=webcam", ("portrait.jpg", ComposedPhotos.SubjectWithBiggerBystander()));
        var result = Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(response));

        Assert.Equal(EnrollmentStatus.AcceptedWithWarning, result.Status);
        Assert.Contains("2 faces were found; the highlighted one (nearest the centre) was enrolled.", result.Message, StringComparison.Ordinal);
        Assert.InRange(result.EnrolledBox!.Value.CenterX, 700, 900);
        Assert.True(Assert.Single(result.OtherFaces!).Area > result.EnrolledBox.Value.Area);
        Assert.False(result.LowerThresholdRetry);
    }

    [Fact]
    public async Task A_face_found_only_by_the_detectors_retry_says_so()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Retry");

        // The retry finds the faces at the photo's edges; which one is the person is asked, and the retry is said either way.
        using var response = await GroupPhotoTests.PostAsync(admin, $"/api/v1/people/{person}/photos?face=0", ("hard.jpg", ComposedPhotos.FacesOnlyTheRetryFinds()));
        var result = Assert.Single(await ApiBodies.OkAsync<List<EnrollmentResult>>(response));

        Assert.True(result.LowerThresholdRetry);
        Assert.True(result.FacesFound > 0);
        Assert.Contains("lower detector threshold", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_is_refused_for_the_same_person_and_stored_once_for_another()
    {
        using var admin = await factory.SignInAsync();
        var first = await ApiJson.CreatePersonAsync(admin, "Duplicate One");
        var second = await ApiJson.CreatePersonAsync(admin, "Duplicate Two");
        var photo = TestPhotos.DeepFace("img3.jpg");

        Assert.Equal(EnrollmentStatus.Accepted, Assert.Single(await ApiJson.UploadAsync(admin, first, ("a.jpg", photo))).Status);
        var filesAfterFirst = factory.BlobFiles().Count;
        var again = Assert.Single(await ApiJson.UploadAsync(admin, first, ("a-again.jpg", photo)));
        var elsewhere = Assert.Single(await ApiJson.UploadAsync(admin, second, ("a.jpg", photo)));

        Assert.Equal(RejectionReason.Duplicate, again.Reason);
        Assert.Contains("already enrolled for this person", again.Message, StringComparison.Ordinal);
        Assert.Equal(EnrollmentStatus.AcceptedWithWarning, elsewhere.Status);
        Assert.Contains("also enrolled for Duplicate One", elsewhere.Message, StringComparison.Ordinal);

        // Same bytes, same crop: content addressing stores each file once.
        Assert.Equal(filesAfterFirst, factory.BlobFiles().Count);
        Assert.Equal(2, await factory.QueryAsync(db => db.Photos.CountAsync(p => p.ContentHash == BlobHash(photo))));
    }

    [Fact]
    public async Task Requests_that_are_not_uploads_get_clear_errors()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Wrong Requests");

        using var json = await admin.PostAsync(new Uri($"/api/v1/people/{person}/photos", UriKind.Relative), new StringContent("{}"), TestContext.Current.CancellationToken);
        using var empty = await admin.PostAsync(new Uri($"/api/v1/people/{person}/photos", UriKind.Relative), new MultipartFormDataContent { { new StringContent("x"), "note" } }, TestContext.Current.CancellationToken);
        using var nobody = await admin.PostAsync(new Uri($"/api/v1/people/{Guid.NewGuid()}/photos", UriKind.Relative), TestPhotos.Form(("a.jpg", TestPhotos.DeepFace("img1.jpg"))), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("No files were sent.", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_rejected_without_decoding()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Oversized");
        var big = new byte[21 * 1024 * 1024];
        TestPhotos.DeepFace("img1.jpg").CopyTo(big, 0);

        var result = Assert.Single(await ApiJson.UploadAsync(admin, person, ("big.jpg", big)));

        Assert.Equal(EnrollmentStatus.Rejected, result.Status);
        Assert.Contains("the limit is 20 MB", result.Message, StringComparison.Ordinal);
    }

    private static string BlobHash(byte[] bytes) => BlobStore.HashOf(bytes);

    private static byte[] NoFace()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 480), [SKColors.SkyBlue, SKColors.ForestGreen], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, 640, 480, sky);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static byte[] Blurred(byte[] jpeg)
    {
        using var source = SKBitmap.Decode(jpeg);
        using var surface = SKSurface.Create(new SKImageInfo(source.Width, source.Height));
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(10, 10) };
        surface.Canvas.DrawBitmap(source, 0, 0, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
