using System.Net.Http.Headers;
using FacePortal.Shared.Imaging;
using FacePortal.TestSupport;

namespace FacePortal.Web.Tests.Support;

/// <summary>Real photos from the shared deepface set, and multipart bodies for the upload API.</summary>
public static class TestPhotos
{
    public static byte[] DeepFace(string name) => File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, name));

    /// <summary>face-api's sample4.jpg (1920x1448): a group photo with four faces.</summary>
    public static byte[] GroupOfFour() => File.ReadAllBytes(Path.Combine(RepoLocations.FaceApiDemo, "sample4.jpg"));

    /// <summary>A deepface photo as a camera would frame it: <paramref name="width"/> x <paramref name="height"/> JPEG.</summary>
    public static byte[] DeepFaceFrame(string name, int width = 640, int height = 480)
    {
        using var image = new ImageDecoder().Decode(DeepFace(name));
        return ImageTransforms.CoverJpeg(image, width, height, 85);
    }

    public static MultipartFormDataContent Form(params (string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(content, "files", fileName);
        }

        return form;
    }
}
