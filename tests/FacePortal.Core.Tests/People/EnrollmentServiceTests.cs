using FacePortal.Core.Auditing;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.Storage;
using FacePortal.Core.Tests.Support;
using FacePortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Tests.People;

/// <summary>
/// Enrolment on Core's real services: the real face pipeline (models from models/onnx) on real
/// photos, stored in a real SQLite file and blob store. Both paths: a photo (detect, choose, check,
/// store) and an exported aligned crop (embedded as it is).
/// </summary>
public sealed class EnrollmentServiceTests
{
    private const string Actor = CoreServices.Actor;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_one_face_photo_is_stored_with_its_crop_rows_audit_and_gallery_face()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var ada = await PersonAsync(core, "Ada");
        var photo = Photos.DeepFace("img1.jpg");

        var result = await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, photo, "../../etc/img1.jpg", PhotoSource.Upload, Actor, Ct);

        Assert.Equal(EnrollmentStatus.Accepted, result.Status);
        Assert.Equal("Enrolled.", result.Message);
        Assert.Equal("img1.jpg", result.FileName);
        Assert.Equal(1, result.FacesFound);
        Assert.Empty(result.OtherFaces!);
        Assert.True(result.EnrolledBox!.Value.Width > 100, $"box {result.EnrolledBox}");
        var stored = await core.QueryAsync(db => db.Photos.SingleAsync(Ct));
        Assert.Equal((result.PhotoId, BlobStore.HashOf(photo), "image/jpeg", PhotoSource.Upload), (stored.Id, stored.ContentHash, stored.ContentType, stored.Source));
        Assert.Equal((result.ImageWidth, result.ImageHeight), (stored.Width, stored.Height));
        var face = await core.QueryAsync(db => db.Faces.SingleAsync(Ct));
        Assert.Equal(512, FloatBlob.ToFloats(face.Embedding).Length);
        Assert.Equal(2, core.BlobFiles().Count);
        Assert.Equal(photo, await File.ReadAllBytesAsync(core.BlobFiles().Single(f => Path.GetFileName(f) == stored.ContentHash), Ct));
        Assert.Equal(1, await core.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.PhotoEnrolled, Ct)));
        var match = (await core.Get<RecognitionGallery>().GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, Ct)).Search(FloatBlob.ToFloats(face.Embedding), 1);
        Assert.Equal(("Ada", face.Id), (Assert.Single(match).Name, match[0].NearestFaceId));
    }

    [Fact]
    public async Task The_same_photo_twice_for_one_person_is_a_duplicate_and_stores_nothing_more()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var ada = await PersonAsync(core, "Ada");
        var enrollment = core.Get<EnrollmentService>();
        Assert.True((await enrollment.EnrollPhotoAsync(ada, Photos.DeepFace("img2.jpg"), "first.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);

        var again = await enrollment.EnrollPhotoAsync(ada, Photos.DeepFace("img2.jpg"), "second.jpg", PhotoSource.Webcam, Actor, Ct);

        Assert.Equal(RejectionReason.Duplicate, again.Reason);
        Assert.StartsWith("This photo is already enrolled for this person (added 2026-12-01 09:00 UTC)", again.Message, StringComparison.Ordinal);
        Assert.Equal(1, await core.QueryAsync(db => db.Photos.CountAsync(Ct)));
        Assert.Equal(2, core.BlobFiles().Count);
    }

    [Fact]
    public async Task A_photo_without_a_face_is_rejected_after_the_lower_threshold_retry_and_stores_nothing()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var ada = await PersonAsync(core, "Ada");

        var result = await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, Photos.Landscape(), "landscape.jpg", PhotoSource.Upload, Actor, Ct);

        Assert.Equal((EnrollmentStatus.Rejected, RejectionReason.NoFace), (result.Status, result.Reason));
        Assert.True(result.LowerThresholdRetry);
        Assert.StartsWith("No face was found in this photo, not even at the lower detector threshold", result.Message, StringComparison.Ordinal);
        Assert.Empty(core.BlobFiles());
        Assert.Equal(0, await core.QueryAsync(db => db.Photos.CountAsync(Ct)));
    }

    [Fact]
    public async Task Bytes_that_are_not_an_image_and_a_face_too_small_are_refused_with_their_reasons()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var ada = await PersonAsync(core, "Ada");
        var enrollment = core.Get<EnrollmentService>();

        var text = await enrollment.EnrollPhotoAsync(ada, "not a photo"u8.ToArray(), "notes.jpg", PhotoSource.Upload, Actor, Ct);
        var bomb = await enrollment.EnrollPhotoAsync(ada, PngBombs.Create(30000, 30000), "huge.png", PhotoSource.Upload, Actor, Ct);
        var tiny = await enrollment.EnrollPhotoAsync(ada, ComposedPhotos.TinyFace(), "tiny.jpg", PhotoSource.Upload, Actor, Ct);
        var crop = await enrollment.EnrollAlignedCropAsync(ada, "not a crop"u8.ToArray(), "crop.png", Actor, Ct);

        Assert.Equal(RejectionReason.Unreadable, text.Reason);
        Assert.Equal(RejectionReason.Unreadable, bomb.Reason);
        Assert.Contains("30000x30000", bomb.Message, StringComparison.Ordinal);
        Assert.Equal(RejectionReason.TooSmall, tiny.Reason);
        Assert.StartsWith("Not enrolled, low quality: small:", tiny.Message, StringComparison.Ordinal);
        Assert.Equal(RejectionReason.Unreadable, crop.Reason);
        Assert.Empty(core.BlobFiles());
    }

    [Fact]
    public async Task A_group_photo_needs_a_choice_and_then_enrols_the_chosen_face_only()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var ada = await PersonAsync(core, "Ada");
        var enrollment = core.Get<EnrollmentService>();
        var group = Photos.DeepFace("couple.jpg");

        var asked = await enrollment.EnrollPhotoAsync(ada, group, "couple.jpg", PhotoSource.Upload, Actor, Ct);

        Assert.Equal(EnrollmentStatus.NeedsFaceChoice, asked.Status);
        Assert.Equal(2, asked.FacesFound);
        Assert.Equal([0, 1], asked.Faces!.Select(f => f.Index));
        Assert.Null(asked.PhotoId);
        Assert.Empty(core.BlobFiles());

        var missing = await enrollment.EnrollPhotoAsync(ada, group, "couple.jpg", PhotoSource.Upload, Actor, FaceChoice.AtIndex(7), Ct);
        Assert.Equal(RejectionReason.NoSuchFace, missing.Reason);
        Assert.Empty(core.BlobFiles());

        var second = asked.Faces![1];
        var chosen = await enrollment.EnrollPhotoAsync(ada, group, "couple.jpg", PhotoSource.Upload, Actor, FaceChoice.AtIndex(1), Ct);

        Assert.True(chosen.IsAccepted, chosen.Message);
        Assert.Equal(second.Box, chosen.EnrolledBox);
        Assert.Single(chosen.OtherFaces!);
        Assert.Equal(2, await core.QueryAsync(db => db.Photos.Select(p => p.FacesFound).SingleAsync(Ct)));
        Assert.Equal(1, await core.QueryAsync(db => db.Faces.CountAsync(Ct)));
    }

    [Fact]
    public async Task Aligned_crops_are_enrolled_as_they_are_and_an_unseen_crop_is_nearest_its_own_person()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var enrollment = core.Get<EnrollmentService>();
        var results = new List<EnrollmentResult>();
        foreach (var (person, folder) in new[] { ("Barack Obama", "Barack_Obama"), ("Halle Berry", "Halle_Berry") })
        {
            var id = await PersonAsync(core, person);
            foreach (var (name, content) in Photos.Celeb24(folder, 5))
            {
                results.Add(await enrollment.EnrollAlignedCropAsync(id, content, name, Actor, Ct));
            }
        }

        var accepted = results.Where(r => r.IsAccepted).ToList();
        Assert.True(accepted.Count >= 8, string.Join("; ", results.Select(r => r.Message)));
        Assert.All(accepted, r => Assert.Equal(("Enrolled (aligned crop).", 112, 112), (r.Message, r.ImageWidth, r.ImageHeight)));
        var photos = await core.QueryAsync(db => db.Photos.ToListAsync(Ct));
        Assert.All(photos, p => Assert.Equal((PhotoSource.Import, "image/png", 1), (p.Source, p.ContentType, p.FacesFound)));

        // A sixth crop of Obama, enrolled as someone else: after itself, the nearest person is Obama.
        var probe = await PersonAsync(core, "Probe");
        var unseen = Photos.Celeb24("Barack_Obama", 6)[5];
        var outcome = await enrollment.EnrollAlignedCropAsync(probe, unseen.Content, unseen.Name, Actor, Ct);
        Assert.True(outcome.IsAccepted, outcome.Message);
        var embedding = await core.QueryAsync(db => db.Faces.Where(f => f.Id == outcome.FaceId).Select(f => f.Embedding).SingleAsync(Ct));
        var matches = (await core.Get<RecognitionGallery>().GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, Ct)).Search(FloatBlob.ToFloats(embedding), 3);
        Assert.Equal(["Probe", "Barack Obama", "Halle Berry"], matches.Select(m => m.Name));
    }

    [Fact]
    public async Task Enrolling_for_someone_deleted_is_refused_and_stores_no_file()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var ada = await PersonAsync(core, "Ada");
        await core.Get<PeopleService>().DeleteAsync(ada, Actor, Ct);

        var photo = await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, Photos.DeepFace("img1.jpg"), "img1.jpg", PhotoSource.Upload, Actor, Ct);
        var crop = await core.Get<EnrollmentService>().EnrollAlignedCropAsync(ada, Photos.Celeb24("Halle_Berry", 1)[0].Content, "0.png", Actor, Ct);

        Assert.Equal(RejectionReason.PersonNotFound, photo.Reason);
        Assert.Equal(RejectionReason.PersonNotFound, crop.Reason);
        Assert.Empty(core.BlobFiles());
    }

    private static async Task<Guid> PersonAsync(CoreServices core, string name) =>
        (await core.Get<PeopleService>().CreateAsync(name, Actor, Ct)).Value;
}
