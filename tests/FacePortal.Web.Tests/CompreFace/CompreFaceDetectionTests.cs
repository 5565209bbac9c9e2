using FacePortal.Core.Applications;
using FacePortal.Web.CompreFace;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using static FacePortal.Web.Tests.CompreFace.CompreFaceCalls;

namespace FacePortal.Web.Tests.CompreFace;

/// <summary>CompreFace's detection service with real photos: boxes, plugins, base64, and its errors.</summary>
public sealed class CompreFaceDetectionTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public async Task Detect_boxes_every_face_of_a_group_photo_with_the_plugins_asked_for()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Detect);

        using var response = await client.PostAsync(Url("/api/v1/detection/detect?face_plugins=landmarks,gender"), File("couple.jpg"), Ct);
        var faces = (await JsonAsync(response)).GetProperty("result").EnumerateArray().ToList();

        Assert.True(faces.Count >= 2, $"{faces.Count} faces");
        Assert.All(faces, f =>
        {
            Assert.Equal(5, f.GetProperty("landmarks").GetArrayLength());
            Assert.True(f.GetProperty("gender").GetProperty("value").GetString() is "male" or "female");
            Assert.False(f.TryGetProperty("subjects", out _));
            Assert.False(f.TryGetProperty("age", out _));
        });
    }

    [Fact]
    public async Task Detect_reads_base64_json_as_it_reads_multipart()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Detect);

        using var multipart = await client.PostAsync(Url("/api/v1/detection/detect"), File("img1.jpg"), Ct);
        using var json = await client.PostAsync(Url("/api/v1/detection/detect"), Base64("img1.jpg"), Ct);

        Assert.Equal((await JsonAsync(multipart)).GetProperty("result").ToString(), (await JsonAsync(json)).GetProperty("result").ToString());
    }

    [Fact]
    public async Task A_photo_without_a_face_is_400_with_code_28_and_a_file_that_is_no_image_400_with_code_21()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Detect);

        using var noFace = await client.PostAsync(Url("/api/v1/detection/detect"), ApiBodies.Multipart(("file", ApiBodies.NoFacePhoto())), Ct);
        using var notImage = await client.PostAsync(Url("/api/v1/detection/detect"), ApiBodies.Multipart(("file", "just text"u8.ToArray())), Ct);
        using var missing = await client.PostAsync(Url("/api/v1/detection/detect"), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img1.jpg"))), Ct);

        Assert.Equal(CompreFaceErrors.NoFaceMessage, await ErrorAsync(noFace, 400, CompreFaceErrors.NoFacesFound));
        await ErrorAsync(notImage, 400, CompreFaceErrors.UnavailableFileExtension);
        Assert.Contains("'file'", await ErrorAsync(missing, 400, CompreFaceErrors.ValidationConstraintViolation), StringComparison.Ordinal);
    }
}
