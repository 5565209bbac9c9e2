using System.Net;
using System.Text.Json;
using FacePortal.Core.Applications;
using FacePortal.Core.Auditing;
using FacePortal.Core.Feedback;
using FacePortal.Core.Recognition;
using FacePortal.Shared.OpenSet;
using Verdict = FacePortal.Shared.OpenSet.Verdict;
using FacePortal.Web.Recognition;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Feedback;

/// <summary>
/// "Not this person" over /api/v1 with real photos: with a fixed threshold so low that the stranger img20 is named
/// as Angelina, an admin's key marks that face as not her; the same photo is then Unknown (marked not this person),
/// her own photos are still named, and deleting her erases the negatives (rows, crop files, index).
/// </summary>
public sealed class FeedbackApiTests : IAsyncLifetime
{
    private const string Stranger = "img20.jpg";

    private readonly FacePortalFactory _factory = new()
    {
        // Low enough that every face of good quality is named as the only person enrolled: the wrong name to correct.
        Settings = new Dictionary<string, string> { ["FacePortal:Recognition:SimilarityThreshold"] = "-1" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Task.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_marked_stranger_is_no_longer_named_her_own_photos_still_are_and_deleting_her_erases_the_negatives()
    {
        var angelina = await GalleryPeople.EnrollAsync(_factory, "Angelina Feedback", "img1.jpg", "img2.jpg");
        var key = await CreateKeyAsync("moderation", ScopeNames.PeopleRead, ScopeNames.PeopleWrite);
        using var client = KeyClient(key.Key);

        var before = await VerdictAsync(Stranger);
        Assert.Equal(VerdictKind.Named, before.Kind);
        Assert.Equal(angelina, before.Person!.PersonId);

        using var marked = await client.PostAsync(
            new Uri($"/api/v1/feedback?personId={angelina}", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace(Stranger))), Ct);
        Assert.Equal(HttpStatusCode.Created, marked.StatusCode);
        var negative = await ApiBodies.OkAsync<NegativeExampleSummary>(marked);
        Assert.Equal(angelina, negative.PersonId);
        Assert.Equal("api", negative.Source);
        Assert.Contains(key.Prefix, negative.MarkedBy, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/people/{angelina}/negatives/{negative.Id}", marked.Headers.Location?.OriginalString);

        var after = await VerdictAsync(Stranger);
        Assert.Equal(VerdictKind.MarkedNotThisPerson, after.Kind);
        Assert.Null(after.Person);
        foreach (var own in new[] { "img4.jpg", "img5.jpg" })
        {
            var verdict = await VerdictAsync(own);
            Assert.True(verdict.Kind == VerdictKind.Named && verdict.Person!.PersonId == angelina, $"{own}: {verdict.Reason}");
        }

        // The API's own answer agrees: the stranger is not named.
        using var recognizeClient = KeyClient((await CreateKeyAsync("reader", ScopeNames.Recognize)).Key);
        using var recognized = await recognizeClient.PostAsync(new Uri("/api/v1/recognize", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace(Stranger))), Ct);
        var answer = await ApiBodies.OkAsync<RecognizeResponse>(recognized);
        Assert.False(Assert.Single(answer.Faces).Verdict.IsKnown);

        using var listed = await client.GetAsync(new Uri($"/api/v1/people/{angelina}/negatives", UriKind.Relative), Ct);
        Assert.Equal(negative.Id, Assert.Single(await ApiBodies.OkAsync<List<NegativeExampleSummary>>(listed)).Id);

        var crop = await _factory.QueryAsync(db => db.NegativeExamples.Where(n => n.Id == negative.Id).Select(n => n.CropHash).SingleAsync(Ct));
        Assert.Contains(_factory.BlobFiles(), f => f.Contains(crop, StringComparison.Ordinal));
        var audit = await _factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectId == angelina.ToString()).ToListAsync(Ct));
        Assert.Contains(audit, e => e.Action == AuditActions.NegativeMarked && e.Actor.Contains(key.Prefix, StringComparison.Ordinal));

        using var deleted = await client.DeleteAsync(new Uri($"/api/v1/people/{angelina}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(0, await _factory.QueryAsync(db => db.NegativeExamples.CountAsync(n => n.PersonId == angelina, Ct)));
        Assert.DoesNotContain(_factory.BlobFiles(), f => f.Contains(crop, StringComparison.Ordinal));
        var index = await _factory.Services.GetRequiredService<RecognitionGallery>().GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, Ct);
        Assert.DoesNotContain(index.Negatives(), n => n.PersonId == angelina);
        var deletion = await _factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectId == angelina.ToString() && e.Action == AuditActions.PersonDeleted).SingleAsync(Ct));
        Assert.Contains("1 face(s) marked not them", deletion.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_negative_names_the_stranger_again_and_removes_its_crop()
    {
        var angelina = await GalleryPeople.EnrollAsync(_factory, "Angelina Undo", "img1.jpg");
        using var client = KeyClient((await CreateKeyAsync("moderation", ScopeNames.PeopleRead, ScopeNames.PeopleWrite)).Key);
        using var marked = await client.PostAsync(
            new Uri($"/api/v1/feedback?personId={angelina}&face=0", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace(Stranger))), Ct);
        var negative = await ApiBodies.OkAsync<NegativeExampleSummary>(marked);
        var crop = await _factory.QueryAsync(db => db.NegativeExamples.Where(n => n.Id == negative.Id).Select(n => n.CropHash).SingleAsync(Ct));
        Assert.Equal(VerdictKind.MarkedNotThisPerson, (await VerdictAsync(Stranger)).Kind);

        using var removed = await client.DeleteAsync(new Uri($"/api/v1/people/{angelina}/negatives/{negative.Id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(VerdictKind.Named, (await VerdictAsync(Stranger)).Kind);
        Assert.DoesNotContain(_factory.BlobFiles(), f => f.Contains(crop, StringComparison.Ordinal));
        var audit = await _factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectId == angelina.ToString()).Select(e => e.Action).ToListAsync(Ct));
        Assert.Contains(AuditActions.NegativeDeleted, audit);

        using var again = await client.DeleteAsync(new Uri($"/api/v1/people/{angelina}/negatives/{negative.Id}", UriKind.Relative), Ct);
        await ApiBodies.ProblemAsync(again, 404);
    }

    [Fact]
    public async Task Scopes_are_enforced_and_bad_requests_answered_with_a_sentence()
    {
        var angelina = await GalleryPeople.EnrollAsync(_factory, "Angelina Scopes", "img1.jpg");
        using var reader = KeyClient((await CreateKeyAsync("reader", ScopeNames.PeopleRead, ScopeNames.Recognize)).Key);
        using var refused = await reader.PostAsync(
            new Uri($"/api/v1/feedback?personId={angelina}", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace(Stranger))), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var refusedDelete = await reader.DeleteAsync(new Uri($"/api/v1/people/{angelina}/negatives/{Guid.NewGuid()}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refusedDelete.StatusCode);
        Assert.Equal(0, await _factory.QueryAsync(db => db.NegativeExamples.CountAsync(Ct)));

        using var writer = KeyClient((await CreateKeyAsync("writer", ScopeNames.PeopleWrite)).Key);
        using var noListing = await writer.GetAsync(new Uri($"/api/v1/people/{angelina}/negatives", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, noListing.StatusCode);

        using var noFace = await writer.PostAsync(
            new Uri($"/api/v1/feedback?personId={angelina}", UriKind.Relative), ApiBodies.Multipart(("image", ApiBodies.NoFacePhoto())), Ct);
        await ApiBodies.ProblemAsync(noFace, 422);

        using var couple = await writer.PostAsync(
            new Uri($"/api/v1/feedback?personId={angelina}", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace("couple.jpg"))), Ct);
        var body = await couple.Content.ReadAsStringAsync(Ct);
        Assert.Contains("say which one", await ApiBodies.ProblemAsync(couple, 422), StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(body))
        {
            Assert.True(json.RootElement.GetProperty("faces").GetArrayLength() >= 2, body);
        }

        using var nobody = await writer.PostAsync(
            new Uri($"/api/v1/feedback?personId={Guid.NewGuid()}", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace(Stranger))), Ct);
        await ApiBodies.ProblemAsync(nobody, 404);

        using var badBox = await writer.PostAsync(
            new Uri($"/api/v1/feedback?personId={angelina}&box=1,2,3", UriKind.Relative), ApiBodies.Multipart(("image", TestPhotos.DeepFace(Stranger))), Ct);
        await ApiBodies.ProblemAsync(badBox, 400);
        Assert.Equal(0, await _factory.QueryAsync(db => db.NegativeExamples.CountAsync(Ct)));
    }

    private async Task<Verdict> VerdictAsync(string photo)
    {
        var result = await _factory.Services.GetRequiredService<FaceRecognizer>().RecognizeAsync(FacePortal.Core.Galleries.Gallery.DefaultId, TestPhotos.DeepFace(photo), Ct);
        return Assert.Single(result.Faces).Verdict;
    }

    private async Task<IssuedApplicationKey> CreateKeyAsync(string name, params string[] scopes)
    {
        var parsed = ScopeNames.Parse(scopes);
        var created = await _factory.Services.GetRequiredService<ApplicationKeys>().CreateAsync($"{name} {Guid.NewGuid():N}", parsed.Value, null, FacePortalFactory.AdminName);
        Assert.True(created.Succeeded, created.Error);
        return created.Value;
    }

    private HttpClient KeyClient(string key)
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(FacePortal.Web.Applications.ApiKeyDefaults.HeaderName, key);
        return client;
    }
}
