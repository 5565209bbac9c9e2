using System.Net.Http.Json;
using FacePortal.Core.Applications;
using FacePortal.Shared.Evaluation;
using FacePortal.TestSupport;
using FacePortal.Web.CompreFace;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using static FacePortal.Web.Tests.CompreFace.CompreFaceCalls;

namespace FacePortal.Web.Tests.CompreFace;

/// <summary>CompreFace's verification service: source face against target faces, by photos and by embeddings, with deepface's labelled pairs.</summary>
public sealed class CompreFaceVerificationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public async Task Labelled_pairs_land_on_the_right_side_of_half_as_the_native_verify_decides_them()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Verify);
        var pairs = LabelledPair.ReadCsv(Path.Combine(RepoLocations.DeepFace, "master.csv"));
        var chosen = pairs.Where(p => p.Same).Take(6).Concat(pairs.Where(p => !p.Same).Take(6)).ToList();

        foreach (var pair in chosen)
        {
            using var compreface = await client.PostAsync(Url("/api/v1/verification/verify"), ApiBodies.Multipart(("source_image", TestPhotos.DeepFace(pair.FileX)), ("target_image", TestPhotos.DeepFace(pair.FileY))), Ct);
            using var native = await client.PostAsync(Url("/api/v1/verify"), ApiBodies.Multipart(("first", TestPhotos.DeepFace(pair.FileX)), ("second", TestPhotos.DeepFace(pair.FileY))), Ct);
            var similarity = (await JsonAsync(compreface)).GetProperty("result")[0].GetProperty("face_matches")[0].GetProperty("similarity").GetSingle();
            var same = (await JsonAsync(native)).GetProperty("isSamePerson").GetBoolean();

            Assert.True(same == similarity >= CompreFaceSimilarity.OperatingValue, $"{pair.FileX} {pair.FileY}: native {same}, similarity {similarity}");
        }
    }

    [Fact]
    public async Task Every_target_face_is_matched_and_base64_is_read_too()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Verify);

        using var response = await client.PostAsync(
            Url("/api/v1/verification/verify?face_plugins=landmarks"),
            ApiBodies.Base64(("source_image", TestPhotos.DeepFace("img1.jpg")), ("target_image", TestPhotos.DeepFace("couple.jpg"))),
            Ct);
        var item = Assert.Single((await JsonAsync(response)).GetProperty("result").EnumerateArray().ToList());

        Assert.Equal(5, item.GetProperty("source_image_face").GetProperty("landmarks").GetArrayLength());
        Assert.True(item.GetProperty("face_matches").GetArrayLength() >= 2);
        Assert.All(item.GetProperty("face_matches").EnumerateArray(), m => Assert.InRange(m.GetProperty("similarity").GetSingle(), 0f, 1f));
    }

    [Fact]
    public async Task Embeddings_verify_source_against_targets()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Verify, ScopeNames.Detect);
        var a = await EmbeddingAsync(client, "img1.jpg");
        var b = await EmbeddingAsync(client, "img2.jpg");
        var stranger = await EmbeddingAsync(client, "img20.jpg");

        using var response = await client.PostAsJsonAsync(Url("/api/v1/verification/embeddings/verify"), new { source = a, targets = new[] { b, stranger } }, Ct);
        var result = (await JsonAsync(response)).GetProperty("result");

        Assert.InRange(result[0].GetProperty("similarity").GetSingle(), 0.5f, 1f);
        Assert.InRange(result[1].GetProperty("similarity").GetSingle(), 0f, 0.4999f);
    }

    [Fact]
    public async Task A_missing_target_is_400_and_a_face_missing_from_one_image_is_code_28()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Verify);

        using var missing = await client.PostAsync(Url("/api/v1/verification/verify"), ApiBodies.Multipart(("source_image", TestPhotos.DeepFace("img1.jpg"))), Ct);
        using var noFace = await client.PostAsync(Url("/api/v1/verification/verify"), ApiBodies.Multipart(("source_image", TestPhotos.DeepFace("img1.jpg")), ("target_image", ApiBodies.NoFacePhoto())), Ct);

        Assert.Contains("'target_image'", await ErrorAsync(missing, 400, CompreFaceErrors.ValidationConstraintViolation), StringComparison.Ordinal);
        await ErrorAsync(noFace, 400, CompreFaceErrors.NoFacesFound);
    }

    private static async Task<float[]> EmbeddingAsync(HttpClient client, string photo)
    {
        using var response = await client.PostAsync(Url("/api/v1/detection/detect?face_plugins=calculator&limit=1"), File(photo), Ct);
        return [.. (await JsonAsync(response)).GetProperty("result")[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle())];
    }
}
