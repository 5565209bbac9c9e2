using FacePortal.Core.People;
using FacePortal.Core.Tests.Support;
using SkiaSharp;

namespace FacePortal.Core.Tests.People;

/// <summary>The files behind photos and faces, found by id on Core's real services after a real enrolment.</summary>
public sealed class MediaServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_enrolled_photo_comes_back_as_sent_and_its_face_as_an_aligned_png_crop()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var ada = (await core.Get<PeopleService>().CreateAsync("Ada", CoreServices.Actor, Ct)).Value;
        var sent = Photos.DeepFace("img1.jpg");
        var enrolled = await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, sent, "img1.jpg", PhotoSource.Upload, CoreServices.Actor, Ct);
        var media = core.Get<MediaService>();

        var photo = await media.OpenPhotoAsync(enrolled.PhotoId!.Value, Ct);
        var crop = await media.OpenFaceCropAsync(enrolled.FaceId!.Value, Ct);

        Assert.NotNull(photo);
        Assert.Equal("image/jpeg", photo.ContentType);
        await using (photo.Content)
        {
            using var copy = new MemoryStream();
            await photo.Content.CopyToAsync(copy, Ct);
            Assert.Equal(sent, copy.ToArray());
        }

        Assert.Equal(sent, await media.ReadPhotoAsync(enrolled.PhotoId.Value, Ct));
        Assert.NotNull(crop);
        Assert.Equal(MediaService.CropContentType, crop.ContentType);
        await using (crop.Content)
        {
            using var image = SKBitmap.Decode(crop.Content);
            Assert.Equal((112, 112), (image.Width, image.Height));
        }
    }

    [Fact]
    public async Task An_unknown_id_or_a_file_gone_from_disk_is_null_not_an_error()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var ada = (await core.Get<PeopleService>().CreateAsync("Ada", CoreServices.Actor, Ct)).Value;
        var enrolled = await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, Photos.DeepFace("img2.jpg"), "img2.jpg", PhotoSource.Upload, CoreServices.Actor, Ct);
        var media = core.Get<MediaService>();
        foreach (var file in core.BlobFiles())
        {
            File.Delete(file);
        }

        Assert.Null(await media.OpenPhotoAsync(Guid.NewGuid(), Ct));
        Assert.Null(await media.OpenFaceCropAsync(Guid.NewGuid(), Ct));
        Assert.Null(await media.ReadPhotoAsync(Guid.NewGuid(), Ct));
        Assert.Null(await media.OpenPhotoAsync(enrolled.PhotoId!.Value, Ct));
        Assert.Null(await media.ReadPhotoAsync(enrolled.PhotoId.Value, Ct));
        Assert.Null(await media.OpenFaceCropAsync(enrolled.FaceId!.Value, Ct));
    }
}
