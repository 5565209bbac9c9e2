using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.Core.Applications;
using FacePortal.Web.CompreFace;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using static FacePortal.Web.Tests.CompreFace.CompreFaceCalls;

namespace FacePortal.Web.Tests.CompreFace;

/// <summary>
/// CompreFace's recognition service against a gallery holding Angelina (deepface img1, img2): recognize with its
/// parameters and plugins, verify against a saved example, and the embedding variants.
/// </summary>
public sealed class CompreFaceRecognitionTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public async Task Recognize_names_angelina_at_or_above_half_and_a_stranger_below()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Recognize);

        var angelina = Assert.Single(await RecognizeAsync(client, "img6.jpg"));
        var stranger = Assert.Single(await RecognizeAsync(client, "img20.jpg"));

        var best = angelina.GetProperty("subjects")[0];
        Assert.Equal("Angelina Photo", best.GetProperty("subject").GetString());
        Assert.InRange(best.GetProperty("similarity").GetSingle(), CompreFaceSimilarity.OperatingValue, 1f);
        Assert.All(stranger.GetProperty("subjects").EnumerateArray(), s => Assert.True(s.GetProperty("similarity").GetSingle() < 0.5f, s.ToString()));
        var box = angelina.GetProperty("box");
        Assert.InRange(box.GetProperty("probability").GetSingle(), 0.5f, 1f);
        Assert.True(box.GetProperty("x_min").GetInt32() < box.GetProperty("x_max").GetInt32() && box.GetProperty("y_min").GetInt32() < box.GetProperty("y_max").GetInt32());
        Assert.False(angelina.TryGetProperty("age", out _));
        Assert.False(angelina.TryGetProperty("embedding", out _));
        Assert.False(angelina.TryGetProperty("execution_time", out _));
    }

    [Fact]
    public async Task Recognize_reads_base64_json_as_it_reads_multipart()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Recognize);

        using var response = await client.PostAsync(Url("/api/v1/recognition/recognize"), Base64("img6.jpg"), Ct);
        var face = Assert.Single((await JsonAsync(response)).GetProperty("result").EnumerateArray().ToList());
        var multipart = Assert.Single(await RecognizeAsync(client, "img6.jpg"));

        Assert.Equal(multipart.GetProperty("box").ToString(), face.GetProperty("box").ToString());
        Assert.Equal("Angelina Photo", face.GetProperty("subjects")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Prediction_count_limits_the_subjects_and_limit_the_faces_biggest_first()
    {
        using var client = await ClientAsync(fixture);
        await AddExampleAsync(client, "Second Person", "img13.jpg");

        var two = Assert.Single(await RecognizeAsync(client, "img6.jpg", "prediction_count=2"));
        var all = await RecognizeAsync(client, "couple.jpg", "limit=0");
        var one = Assert.Single(await RecognizeAsync(client, "couple.jpg", "limit=1"));

        Assert.Equal(2, two.GetProperty("subjects").GetArrayLength());
        Assert.True(two.GetProperty("subjects")[0].GetProperty("similarity").GetSingle() >= two.GetProperty("subjects")[1].GetProperty("similarity").GetSingle());
        Assert.True(two.GetProperty("subjects")[1].GetProperty("similarity").GetSingle() < 0.5f, "only the person named reaches 0.5");
        Assert.True(all.Count >= 2, $"{all.Count} faces");
        Assert.Equal(all.Max(Area), Area(one));
    }

    [Fact]
    public async Task Det_prob_threshold_drops_the_less_certain_faces_and_out_of_range_is_refused()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Recognize);
        var all = await RecognizeAsync(client, "selfie-many-people.jpg");
        var scores = all.Select(f => f.GetProperty("box").GetProperty("probability").GetSingle()).Order().ToList();
        var threshold = (scores[0] + scores[^1]) / 2;

        var certain = await RecognizeAsync(client, "selfie-many-people.jpg", $"det_prob_threshold={threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        using var bad = await client.PostAsync(Url("/api/v1/recognition/recognize?det_prob_threshold=1.5"), File("img6.jpg"), Ct);

        Assert.True(scores[0] < scores[^1], $"scores {string.Join(", ", scores)}");
        Assert.Equal(scores.Count(s => s >= threshold), certain.Count);
        Assert.All(certain, f => Assert.True(f.GetProperty("box").GetProperty("probability").GetSingle() >= threshold));
        await ErrorAsync(bad, 400, CompreFaceErrors.IncorrectArgument);
    }

    [Fact]
    public async Task Face_plugins_add_age_gender_pose_landmarks_and_the_embedding_and_status_the_timings()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Recognize);

        using var response = await client.PostAsync(Url("/api/v1/recognition/recognize?face_plugins=age,gender,pose,landmarks,calculator,mask&status=true"), File("img6.jpg"), Ct);
        var body = await JsonAsync(response);
        var face = Assert.Single(body.GetProperty("result").EnumerateArray().ToList());

        Assert.InRange(face.GetProperty("age").GetProperty("low").GetInt32(), 10, 70);
        Assert.Equal("female", face.GetProperty("gender").GetProperty("value").GetString());
        Assert.True(face.GetProperty("pose").TryGetProperty("yaw", out _));
        Assert.Equal(5, face.GetProperty("landmarks").GetArrayLength());
        Assert.Equal(512, face.GetProperty("embedding").GetArrayLength());
        Assert.False(face.TryGetProperty("mask", out _));
        Assert.True(face.GetProperty("execution_time").GetProperty("detector").GetDouble() > 0);
        Assert.Equal("faceportal.FaceDetector", body.GetProperty("plugins_versions").GetProperty("detector").GetString());
    }

    [Fact]
    public async Task Verify_against_a_saved_example_scores_the_same_person_above_half_and_a_stranger_below()
    {
        using var client = await ClientAsync(fixture);
        var imageId = await AngelinaExampleAsync(client);

        using var same = await client.PostAsync(Url($"/api/v1/recognition/faces/{imageId}/verify"), File("img7.jpg"), Ct);
        using var other = await client.PostAsync(Url($"/api/v1/recognition/faces/{imageId}/verify"), Base64("img20.jpg"), Ct);
        using var missing = await client.PostAsync(Url($"/api/v1/recognition/faces/{Guid.NewGuid()}/verify"), File("img7.jpg"), Ct);

        Assert.InRange(Assert.Single((await JsonAsync(same)).GetProperty("result").EnumerateArray().ToList()).GetProperty("similarity").GetSingle(), 0.5f, 1f);
        Assert.InRange(Assert.Single((await JsonAsync(other)).GetProperty("result").EnumerateArray().ToList()).GetProperty("similarity").GetSingle(), 0f, 0.4999f);
        await ErrorAsync(missing, 404, CompreFaceErrors.ImageNotFound);
    }

    [Fact]
    public async Task The_calculator_embedding_recognizes_and_verifies_as_the_photo_does()
    {
        using var client = await ClientAsync(fixture);
        var imageId = await AngelinaExampleAsync(client);
        using var detected = await client.PostAsync(Url("/api/v1/detection/detect?face_plugins=calculator"), File("img6.jpg"), Ct);
        var embedding = (await JsonAsync(detected)).GetProperty("result")[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray();

        using var recognized = await client.PostAsJsonAsync(Url("/api/v1/recognition/embeddings/recognize?prediction_count=2"), new { embeddings = new[] { embedding } }, Ct);
        using var verified = await client.PostAsJsonAsync(Url($"/api/v1/recognition/embeddings/faces/{imageId}/verify"), new { embeddings = new[] { embedding } }, Ct);
        using var wrong = await client.PostAsJsonAsync(Url("/api/v1/recognition/embeddings/recognize"), new { embeddings = new[] { new[] { 0.5f, 0.5f } } }, Ct);

        var result = Assert.Single((await JsonAsync(recognized)).GetProperty("result").EnumerateArray().ToList());
        Assert.Equal(512, result.GetProperty("embedding").GetArrayLength());
        var best = result.GetProperty("similarities")[0];
        Assert.Equal("Angelina Photo", best.GetProperty("subject").GetString());
        Assert.InRange(best.GetProperty("similarity").GetSingle(), 0.5f, 1f);
        Assert.InRange(Assert.Single((await JsonAsync(verified)).GetProperty("result").EnumerateArray().ToList()).GetProperty("similarity").GetSingle(), 0.5f, 1f);
        await ErrorAsync(wrong, 400, CompreFaceErrors.WrongEmbeddingCount);
    }

    [Fact]
    public async Task A_key_without_the_recognize_scope_is_refused_403_naming_it()
    {
        using var client = await ClientAsync(fixture, ScopeNames.Detect);

        using var refused = await client.PostAsync(Url("/api/v1/recognition/recognize"), File("img6.jpg"), Ct);

        Assert.Contains("'recognize'", await ErrorAsync(refused, 403, CompreFaceErrors.ValidationConstraintViolation), StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> RecognizeAsync(HttpClient client, string photo, string query = "")
    {
        using var response = await client.PostAsync(Url($"/api/v1/recognition/recognize?{query}"), File(photo), Ct);
        return [.. (await JsonAsync(response)).GetProperty("result").EnumerateArray()];
    }

    /// <summary>One of the fixture's examples of Angelina. Adding her photos under another subject would make every later recognition of her ambiguous.</summary>
    private static async Task<string> AngelinaExampleAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Url("/api/v1/recognition/faces?subject=Angelina%20Photo"), Ct);
        return (await JsonAsync(response)).GetProperty("faces")[0].GetProperty("image_id").GetString()!;
    }

    private static long Area(JsonElement face)
    {
        var box = face.GetProperty("box");
        return (long)(box.GetProperty("x_max").GetInt32() - box.GetProperty("x_min").GetInt32()) * (box.GetProperty("y_max").GetInt32() - box.GetProperty("y_min").GetInt32());
    }
}
