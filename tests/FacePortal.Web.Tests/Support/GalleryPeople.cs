using FacePortal.Core.People;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Support;

/// <summary>Enrolls people from deepface photos through the real services, as an admin's uploads would.</summary>
public static class GalleryPeople
{
    public static Task<Guid> EnrollAsync(FacePortalFactory factory, string name, params string[] photos) =>
        EnrollAsync(factory, Core.Galleries.Gallery.DefaultId, name, photos);

    public static async Task<Guid> EnrollAsync(FacePortalFactory factory, Guid galleryId, string name, params string[] photos)
    {
        var people = factory.Services.GetRequiredService<PeopleService>();
        var enrollment = factory.Services.GetRequiredService<EnrollmentService>();
        var created = await people.CreateAsync(galleryId, name, "test");
        Assert.True(created.Succeeded, created.Error);
        foreach (var photo in photos)
        {
            var result = await enrollment.EnrollPhotoAsync(created.Value, TestPhotos.DeepFace(photo), photo, PhotoSource.Upload, "test");
            Assert.True(result.IsAccepted, result.Message);
        }

        return created.Value;
    }
}
