using System.Net.Http.Json;
using FacePortal.Core.Applications;
using FacePortal.TestSupport;
using FacePortal.Web.Recognition;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Integration;

/// <summary>POST /api/v1/detect, /recognize and /verify with real deepface photos and application keys.</summary>
public sealed class AnalysisApiTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Detect_answers_box_score_both_landmark_sets_and_quality_for_a_multipart_photo()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Detect);
        using var response = await client.PostAsync(new Uri("/api/v1/detect", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img1.jpg"))), Ct);
        var result = await ApiBodies.OkAsync<DetectResponse>(response);

        var face = Assert.Single(result.Faces);
        Assert.InRange(face.Score, 0.5f, 1f);
        Assert.True(face.Box.X >= 0 && face.Box.Width > 100 && face.Box.X + face.Box.Width <= result.Width);
        Assert.Equal(5, face.Landmarks5.Count);
        Assert.Equal(68, face.Landmarks68.Count);
        Assert.All(face.Landmarks5, p => Assert.True(p.X > face.Box.X - 20 && p.X < face.Box.X + face.Box.Width + 20));
        Assert.True(face.Quality.Sharpness > 0 && face.Quality.SizePixels > 100);
    }

    [Fact]
    public async Task Detect_reads_the_same_photo_from_json_base64()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Detect);
        using var multipart = await client.PostAsync(new Uri("/api/v1/detect", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img1.jpg"))), Ct);
        using var json = await client.PostAsync(new Uri("/api/v1/detect", UriKind.Relative), ApiBodies.Base64(("image", TestPhotos.DeepFace("img1.jpg"))), Ct);

        var a = Assert.Single((await ApiBodies.OkAsync<DetectResponse>(multipart)).Faces);
        var b = Assert.Single((await ApiBodies.OkAsync<DetectResponse>(json)).Faces);
        Assert.Equal(a.Box, b.Box);
    }

    [Fact]
    public async Task Detect_finds_every_face_of_a_photo_with_several()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Detect);
        using var response = await client.PostAsync(new Uri("/api/v1/detect", UriKind.Relative), ApiBodies.Base64(("image", ComposedPhotos.SubjectWithBiggerBystander())), Ct);

        Assert.Equal(2, (await ApiBodies.OkAsync<DetectResponse>(response)).Faces.Count);
    }

    [Fact]
    public async Task Bad_input_is_answered_with_a_sentence()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Detect);
        var detect = new Uri("/api/v1/detect", UriKind.Relative);

        using (var noFace = await client.PostAsync(detect, ApiBodies.Multipart(("image", ApiBodies.NoFacePhoto())), Ct))
        {
            Assert.Contains("No face", await ApiBodies.ProblemAsync(noFace, 422), StringComparison.Ordinal);
        }

        using (var notImage = await client.PostAsync(detect, ApiBodies.Multipart(("image", "just some text"u8.ToArray())), Ct))
        {
            await ApiBodies.ProblemAsync(notImage, 400);
        }

        using (var badBase64 = await client.PostAsync(detect, JsonContent.Create(new { image = "not*base64!" }), Ct))
        {
            Assert.Contains("not valid base64", await ApiBodies.ProblemAsync(badBase64, 400), StringComparison.Ordinal);
        }

        var tooLarge = new byte[21 * 1024 * 1024];
        using (var largeJson = await client.PostAsync(detect, ApiBodies.Base64(("image", tooLarge)), Ct))
        {
            Assert.Contains("larger than 20 MB", await ApiBodies.ProblemAsync(largeJson, 413), StringComparison.Ordinal);
        }

        using (var largePart = await client.PostAsync(detect, ApiBodies.Multipart(("image", tooLarge)), Ct))
        {
            Assert.Contains("larger than 20 MB", await ApiBodies.ProblemAsync(largePart, 413), StringComparison.Ordinal);
        }

        using (var missing = await client.PostAsync(detect, ApiBodies.Multipart(("photo", TestPhotos.DeepFace("img1.jpg"))), Ct))
        {
            Assert.Contains("'image'", await ApiBodies.ProblemAsync(missing, 400), StringComparison.Ordinal);
        }

        using (var text = await client.PostAsync(detect, new StringContent("image"), Ct))
        {
            await ApiBodies.ProblemAsync(text, 415);
        }
    }

    [Fact]
    public async Task Face_plugins_are_validated()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Detect);
        using var unknown = await client.PostAsync(new Uri("/api/v1/detect?facePlugins=pose,mood", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img1.jpg"))), Ct);

        Assert.Contains("'mood'", await ApiBodies.ProblemAsync(unknown, 400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Face_plugins_add_the_asked_attributes_and_only_those()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Detect);
        using var all = await client.PostAsync(
            new Uri("/api/v1/detect?facePlugins=pose,age,gender,expression,eyes,liveness", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img1.jpg"))), Ct);
        using var none = await client.PostAsync(new Uri("/api/v1/detect", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img1.jpg"))), Ct);
        using var pose = await client.PostAsync(new Uri("/api/v1/detect?facePlugins=POSE", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img1.jpg"))), Ct);

        var result = await ApiBodies.OkAsync<DetectResponse>(all);
        Assert.Equal(FacePluginsParameter.Names, result.FacePlugins);
        var attributes = Assert.Single(result.Faces).Attributes!;
        Assert.Null(attributes.Refusal);
        Assert.InRange(attributes.Pose!.Yaw, -30f, 30f);
        Assert.InRange(attributes.Age!.Years, 10f, 80f);
        Assert.NotNull(attributes.Gender);
        Assert.NotNull(attributes.Expression);
        Assert.NotNull(attributes.Eyes);
        Assert.True(attributes.Liveness!.Experimental);

        Assert.Null(Assert.Single((await ApiBodies.OkAsync<DetectResponse>(none)).Faces).Attributes);
        var onlyPose = Assert.Single((await ApiBodies.OkAsync<DetectResponse>(pose)).Faces).Attributes!;
        Assert.NotNull(onlyPose.Pose);
        Assert.Null(onlyPose.Age);
        Assert.Null(onlyPose.Liveness);
    }

    [Fact]
    public async Task Verify_with_require_live_reports_each_faces_liveness_or_refuses_with_a_sentence()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Verify);
        using var response = await client.PostAsync(
            new Uri("/api/v1/verify?requireLive=true", UriKind.Relative), ApiBodies.Multipart(("first", TestPhotos.DeepFace("img1.jpg")), ("second", TestPhotos.DeepFace("img6.jpg"))), Ct);

        if (response.StatusCode == System.Net.HttpStatusCode.OK)
        {
            var result = await ApiBodies.OkAsync<VerifyResponse>(response);
            Assert.Equal(2, result.Liveness!.Count);
            Assert.All(result.Liveness, l => Assert.True(l.IsLive));
        }
        else
        {
            Assert.Contains("does not look live", await ApiBodies.ProblemAsync(response, 422), StringComparison.Ordinal);
        }

        using var noLive = await client.PostAsync(
            new Uri("/api/v1/verify", UriKind.Relative), ApiBodies.Multipart(("first", TestPhotos.DeepFace("img1.jpg")), ("second", TestPhotos.DeepFace("img6.jpg"))), Ct);
        Assert.Null((await ApiBodies.OkAsync<VerifyResponse>(noLive)).Liveness);
    }

    [Fact]
    public async Task Recognize_names_the_enrolled_person_with_candidates_verdict_and_recognizer()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Recognize);
        using var response = await client.PostAsync(new Uri("/api/v1/recognize?limit=1", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), Ct);
        var result = await ApiBodies.OkAsync<RecognizeResponse>(response);

        var face = Assert.Single(result.Faces);
        Assert.True(face.Verdict.IsKnown);
        Assert.Equal(fixture.Angelina, face.Verdict.PersonId);
        Assert.Equal("Angelina Photo", face.Verdict.Name);
        Assert.Single(face.Candidates);
        Assert.Equal("gallery", result.Recognizer);
        Assert.Equal(result.ServerThreshold, result.Threshold);
    }

    [Fact]
    public async Task Recognize_calls_a_stranger_unknown()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Recognize);
        using var response = await client.PostAsync(new Uri("/api/v1/recognize", UriKind.Relative), ApiBodies.Base64(("image", TestPhotos.DeepFace("img20.jpg"))), Ct);

        var face = Assert.Single((await ApiBodies.OkAsync<RecognizeResponse>(response)).Faces);
        Assert.False(face.Verdict.IsKnown);
        Assert.Null(face.Verdict.PersonId);
        Assert.NotEmpty(face.Candidates);
    }

    [Fact]
    public async Task Recognize_takes_a_stricter_threshold_and_refuses_a_looser_one()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Recognize);
        using var strict = await client.PostAsync(new Uri("/api/v1/recognize?threshold=0.99", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), Ct);
        var result = await ApiBodies.OkAsync<RecognizeResponse>(strict);
        Assert.Equal(0.99f, result.Threshold);
        Assert.False(Assert.Single(result.Faces).Verdict.IsKnown);
        Assert.Equal(fixture.Angelina, result.Faces[0].Candidates[0].PersonId);

        using var loose = await client.PostAsync(new Uri("/api/v1/recognize?threshold=0.1", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), Ct);
        Assert.Contains("refused", await ApiBodies.ProblemAsync(loose, 400), StringComparison.Ordinal);

        using var badLimit = await client.PostAsync(new Uri("/api/v1/recognize?limit=0", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), Ct);
        await ApiBodies.ProblemAsync(badLimit, 400);
    }

    [Fact]
    public async Task Verify_two_photos_of_one_person_and_of_two_people()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Verify);
        using var same = await client.PostAsync(new Uri("/api/v1/verify", UriKind.Relative), ApiBodies.Multipart(("first", TestPhotos.DeepFace("img1.jpg")), ("second", TestPhotos.DeepFace("img6.jpg"))), Ct);
        using var other = await client.PostAsync(new Uri("/api/v1/verify", UriKind.Relative), ApiBodies.Base64(("first", TestPhotos.DeepFace("img1.jpg")), ("second", TestPhotos.DeepFace("img20.jpg"))), Ct);

        var a = await ApiBodies.OkAsync<VerifyResponse>(same);
        Assert.True(a.IsSamePerson, $"similarity {a.Similarity}");
        Assert.Empty(a.Notes);
        var b = await ApiBodies.OkAsync<VerifyResponse>(other);
        Assert.False(b.IsSamePerson, $"similarity {b.Similarity}");
    }

    [Fact]
    public async Task Verify_a_photo_against_an_enrolled_person()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Verify);
        using var response = await client.PostAsync(new Uri($"/api/v1/verify?personId={fixture.Angelina}", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), Ct);
        var result = await ApiBodies.OkAsync<VerifyResponse>(response);

        Assert.True(result.IsSamePerson, $"similarity {result.Similarity}");
        Assert.Equal(fixture.Angelina, result.Person!.Id);
        Assert.Equal(2, result.Person.EnrolledFaces);

        using var nobody = await client.PostAsync(new Uri($"/api/v1/verify?personId={Guid.NewGuid()}", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), Ct);
        await ApiBodies.ProblemAsync(nobody, 404);
    }

    [Fact]
    public async Task Verify_says_which_face_it_compared_when_a_photo_has_several_and_refuses_a_photo_without_one()
    {
        using var client = await fixture.KeyClientAsync(ScopeNames.Verify);
        using var several = await client.PostAsync(
            new Uri("/api/v1/verify", UriKind.Relative), ApiBodies.Multipart(("first", ComposedPhotos.SubjectWithBiggerBystander()), ("second", TestPhotos.DeepFace("img1.jpg"))), Ct);
        var result = await ApiBodies.OkAsync<VerifyResponse>(several);
        Assert.Contains(result.Notes, n => n.Contains("holds 2 faces", StringComparison.Ordinal));

        using var none = await client.PostAsync(
            new Uri("/api/v1/verify", UriKind.Relative), ApiBodies.Multipart(("first", ApiBodies.NoFacePhoto()), ("second", TestPhotos.DeepFace("img1.jpg"))), Ct);
        Assert.Contains("No face was found in the first photo", await ApiBodies.ProblemAsync(none, 422), StringComparison.Ordinal);

        using var missing = await client.PostAsync(new Uri("/api/v1/verify", UriKind.Relative), ApiBodies.Multipart(("first", TestPhotos.DeepFace("img1.jpg"))), Ct);
        Assert.Contains("'second'", await ApiBodies.ProblemAsync(missing, 400), StringComparison.Ordinal);
    }
}
