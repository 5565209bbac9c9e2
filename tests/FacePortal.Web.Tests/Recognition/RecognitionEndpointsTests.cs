using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Shared.Evaluation;
using FacePortal.Shared.Imaging;
using FacePortal.TestSupport;
using FacePortal.Web.Recognition;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Recognition;

/// <summary>
/// The one API's recognize and verify as a signed-in User (the sign-in cookie, no key), with the deepface
/// photos and labelled pairs: what a page or a script in the browser gets.
/// </summary>
public sealed class RecognitionEndpointsTests : IClassFixture<RecognitionEndpointsTests.Fixture>
{
    private readonly Fixture _fixture;

    public RecognitionEndpointsTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Identify_names_an_enrolled_person_from_a_new_photo()
    {
        var result = await IdentifyAsync("img6.jpg");

        var face = Assert.Single(result.Faces);
        Assert.Equal("Angelina Photo", face.Verdict.Name);
        Assert.Equal(_fixture.Angelina, face.Verdict.PersonId);
        Assert.InRange(face.Verdict.Similarity, result.Threshold, 1f);
        Assert.Equal(_fixture.Angelina, face.Candidates[0].PersonId);
        Assert.True(face.Box.Width > 50 && face.Box.X >= 0 && face.Box.X + face.Box.Width <= result.Width);
    }

    [Fact]
    public async Task Identify_calls_a_stranger_unknown_but_still_lists_the_closest_candidates()
    {
        var result = await IdentifyAsync("img20.jpg");

        var face = Assert.Single(result.Faces);
        Assert.Null(face.Verdict.Name);
        Assert.Null(face.Verdict.PersonId);
        Assert.Equal("nobody-close", face.Verdict.Code);
        Assert.True(face.Verdict.Similarity < result.Threshold, $"similarity {face.Verdict.Similarity}");
        Assert.NotEmpty(face.Candidates);
    }

    [Fact]
    public async Task Identify_boxes_every_face_of_a_group_photo()
    {
        var couple = File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, "couple.jpg"));
        var result = await IdentifyAsync("couple.jpg", couple);

        Assert.True(result.Faces.Count >= 2, $"{result.Faces.Count} face(s)");
        Assert.All(result.Faces, f => Assert.True(f.Box.X >= 0 && f.Box.Y >= 0 && f.Box.Width > 0));
    }

    [Fact]
    public async Task Identify_refuses_a_file_that_is_not_an_image()
    {
        using var response = await PostAsync(Recognize, ("image", "notes.jpg", "just text"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an image", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Verify_agrees_with_every_labelled_same_pair_and_as_many_different_pairs()
    {
        var pairs = LabelledPair.ReadCsv(Path.Combine(RepoLocations.DeepFace, "master.csv"));
        var same = pairs.Where(p => p.Same).ToList();
        var chosen = same.Concat(pairs.Where(p => !p.Same).Take(same.Count)).ToList();

        var wrong = new List<string>();
        foreach (var pair in chosen)
        {
            var result = await VerifyAsync(pair.FileX, pair.FileY);
            if (result.IsSamePerson != pair.Same)
            {
                wrong.Add($"{pair.FileX}/{pair.FileY}: {result.Similarity:0.000}");
            }
        }

        Assert.True(chosen.Count >= 70, $"{chosen.Count} pairs");
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Verify_reports_similarity_threshold_and_the_faces_compared()
    {
        var result = await VerifyAsync("img1.jpg", "img2.jpg");

        Assert.True(result.IsSamePerson);
        Assert.InRange(result.Similarity, result.Threshold, 1f);
        // The threshold of one comparison at the configured rate, stated in the verdict.
        Assert.Equal(("same-person", 1), (result.Verdict.Code, result.Verdict.OperatingPoint.People));
        Assert.Equal(result.Threshold, result.Verdict.OperatingPoint.Threshold);
        Assert.NotNull(result.First.Face);
        Assert.NotNull(result.Second!.Face);
        Assert.Equal(1, result.First.FacesFound);
    }

    [Fact]
    public async Task Verify_compares_the_subject_of_a_portrait_not_a_bigger_bystander()
    {
        using var response = await PostAsync(
            Verify,
            ("first", "portrait.jpg", ComposedPhotos.SubjectWithBiggerBystander()),
            ("second", "img2.jpg", TestPhotos.DeepFace("img2.jpg")));
        var result = (await response.Content.ReadFromJsonAsync<VerifyResponse>(ApiJson.Options, TestContext.Current.CancellationToken))!;

        Assert.True(result.IsSamePerson, $"similarity {result.Similarity}");
        Assert.Equal(2, result.First.FacesFound);
        Assert.InRange(result.First.Face!.Value.CenterX, 700, 900);
        Assert.False(result.First.LowerThresholdRetry);
    }

    [Fact]
    public async Task Verify_says_which_photo_has_no_face()
    {
        var grey = new byte[200 * 150 * 4];
        Array.Fill(grey, (byte)128);
        var blank = ImageEncoder.EncodeRgba(grey, 200, 150);
        using var response = await PostAsync(
            Verify,
            ("first", "img1.jpg", TestPhotos.DeepFace("img1.jpg")),
            ("second", "grey.png", blank));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(ApiJson.Options, TestContext.Current.CancellationToken))!;
        Assert.Equal(("No face", "No face was found in the second photo."), (problem.Title, problem.Detail));
    }

    [Fact]
    public async Task A_photo_over_the_limit_is_refused_without_reading_the_rest()
    {
        var huge = new byte[(20 * 1024 * 1024) + 1];

        using var response = await PostAsync(Recognize, ("image", "huge.jpg", huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 20 MB", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_boxes_finds_the_faces_detect_finds_and_answers_nothing_else()
    {
        var couple = TestPhotos.DeepFace("couple.jpg");
        using var full = await PostAsync("/api/v1/detect", ("image", "couple.jpg", couple));
        using var fast = await PostAsync("/api/v1/detect/boxes", ("image", "couple.jpg", couple));
        var grey = new byte[200 * 150 * 4];
        Array.Fill(grey, (byte)128);
        using var blank = await PostAsync("/api/v1/detect/boxes", ("image", "grey.png", ImageEncoder.EncodeRgba(grey, 200, 150)));

        var detected = (await full.Content.ReadFromJsonAsync<DetectResponse>(ApiJson.Options, TestContext.Current.CancellationToken))!;
        var boxes = (await fast.Content.ReadFromJsonAsync<BoxesResponse>(ApiJson.Options, TestContext.Current.CancellationToken))!;
        Assert.Equal((detected.Width, detected.Height), (boxes.Width, boxes.Height));
        Assert.True(boxes.Faces.Count >= 2, $"{boxes.Faces.Count} face(s)");
        Assert.Equal(detected.Faces.Count, boxes.Faces.Count);
        Assert.All(boxes.Faces, b => Assert.Contains(detected.Faces, d => Overlap(d.Box, b.Box) > 0.5f));
        Assert.DoesNotContain("landmarks", await fast.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);

        static float Overlap(Box a, Box b)
        {
            var width = Math.Max(0, Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X));
            var height = Math.Max(0, Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y));
            var shared = width * height;
            return shared / ((a.Width * a.Height) + (b.Width * b.Height) - shared);
        }
    }

    [Fact]
    public async Task Verify_needs_both_photos()
    {
        using var response = await PostAsync(Verify, ("first", "img1.jpg", TestPhotos.DeepFace("img1.jpg")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var anonymous = _fixture.Factory.CreateBrowserlessClient();
        using var form = Form(("image", "img1.jpg", TestPhotos.DeepFace("img1.jpg")));
        using var response = await anonymous.PostAsync(new Uri(Recognize, UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task One_user_gets_two_analyses_at_once_and_the_rest_are_told_when_to_come_back()
    {
        var photo = TestPhotos.DeepFace("couple.jpg");
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(photo), "image", "couple.jpg" } };
            using var response = await _fixture.User.PostAsync(new Uri(Recognize, UriKind.Relative), form, TestContext.Current.CancellationToken);
            return (response.StatusCode, response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }));

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, a =>
        {
            Assert.True(a.Delta > TimeSpan.Zero);
            Assert.Contains("at most 2 at once per user", a.Body, StringComparison.Ordinal);
        });
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, a.StatusCode.ToString()));
    }

    private const string Recognize = "/api/v1/recognize";
    private const string Verify = "/api/v1/verify";

    private Task<RecognizeResponse> IdentifyAsync(string name) => IdentifyAsync(name, TestPhotos.DeepFace(name));

    private async Task<RecognizeResponse> IdentifyAsync(string name, byte[] bytes)
    {
        using var response = await PostAsync(Recognize, ("image", name, bytes));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RecognizeResponse>(ApiJson.Options, TestContext.Current.CancellationToken))!;
    }

    private async Task<VerifyResponse> VerifyAsync(string first, string second)
    {
        using var response = await PostAsync(
            Verify, ("first", first, TestPhotos.DeepFace(first)), ("second", second, TestPhotos.DeepFace(second)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VerifyResponse>(ApiJson.Options, TestContext.Current.CancellationToken))!;
    }

    private Task<HttpResponseMessage> PostAsync(string path, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var form = Form(files);
        return _fixture.User.PostAsync(new Uri(path, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    private static MultipartFormDataContent Form(params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, fileName, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(content, field, fileName);
        }

        return form;
    }

    /// <summary>One app for the class: Angelina enrolled from two photos, and a signed-in User.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public FacePortalFactory Factory { get; } = new();

        public HttpClient User { get; private set; } = null!;

        public Guid Angelina { get; private set; }

        public async ValueTask InitializeAsync()
        {
            Angelina = await GalleryPeople.EnrollAsync(Factory, "Angelina Photo", "img1.jpg", "img2.jpg");
            User = await Factory.SignInAsUserAsync();
        }

        public async ValueTask DisposeAsync()
        {
            User.Dispose();
            await Factory.DisposeAsync();
        }
    }
}
