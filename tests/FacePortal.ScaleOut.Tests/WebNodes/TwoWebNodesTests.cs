using System.Diagnostics;
using System.Net;
using FacePortal.Shared.Imaging;
using FacePortal.TestSupport;

namespace FacePortal.ScaleOut.Tests.WebNodes;

/// <summary>
/// Two web nodes behind one Redis and one database, each the real app in its own process: what one
/// node changes, the other applies within a second; cookies cross; and a node that missed messages
/// (restarted, or cut off from Redis) reloads from the database instead of serving a deleted person.
/// Every wait is bounded.
/// </summary>
[Collection(WebNodesCollection.Name)]
public sealed class TwoWebNodesTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    // Longer than any test: what reaches the other node in time came through the channel, not the periodic reload.
    private static readonly Dictionary<string, string> ChannelOnly = new() { ["FacePortal__Redis__ReconcileInterval"] = "00:10:00" };

    [Fact]
    public async Task A_person_enrolled_on_A_is_recognised_on_B_within_a_second_and_once_deleted_on_B_is_unknown_on_A()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await WebNodeCluster.StartAsync(ct, ChannelOnly);
        using var adminA = await NodeClient.SignInAsync(cluster.A);
        using var adminB = await NodeClient.SignInAsync(cluster.B);
        await using var liveA = await LiveClient.ConnectAsync(cluster.A.BaseAddress, adminA.AuthCookie, ct);
        await using var liveB = await LiveClient.ConnectAsync(cluster.B.BaseAddress, adminB.AuthCookie, ct);
        var probe = await File.ReadAllBytesAsync(Path.Combine(RepoLocations.DeepFace, "img4.jpg"), ct);
        var frame = Frame("img4.jpg");

        // Warm both paths on B first: what is timed is the change, not a first inference.
        Assert.Null((await adminB.IdentifyAsync(probe, ct)).Name);
        Assert.Null(await liveB.NameInAsync(frame, ct));
        Assert.Null(await liveA.NameInAsync(frame, ct));

        var angelina = await adminA.CreatePersonAsync("Angelina Across", ct);
        await adminA.EnrollAsync(angelina, ["img1.jpg", "img2.jpg"], ct);
        var enrolled = Stopwatch.StartNew();
        var byApi = UntilAsync(async () => (await adminB.IdentifyAsync(probe, ct)).PersonId == angelina, enrolled, ct);
        var byHub = UntilAsync(async () => await liveB.NameInAsync(frame, ct) == "Angelina Across", enrolled, ct);
        var (apiAfter, hubAfter) = (await byApi, await byHub);
        Assert.True(apiAfter < OneSecond, $"The first identify call on B that named the person was sent {apiAfter.TotalMilliseconds:0} ms after the enrollment on A returned.\nB:\n{cluster.B.Log}");
        Assert.True(hubAfter < OneSecond, $"The first frame on B that named the person was sent {hubAfter.TotalMilliseconds:0} ms after the enrollment on A returned.\nB:\n{cluster.B.Log}");
        // A's track saw her as a stranger before: it names her once three frames agree (the default ConfirmFrames).
        Assert.Equal("Angelina Across", await liveA.NameWithinAsync(frame, 3, ct));

        await adminB.DeletePersonAsync(angelina, ct);
        var deleted = Stopwatch.StartNew();
        var firstFrameOnA = await liveA.NameInAsync(frame, ct);
        var unknownAfter = firstFrameOnA is null ? deleted.Elapsed : await UntilAsync(async () => await liveA.NameInAsync(frame, ct) is null, deleted, ct);
        Assert.True(firstFrameOnA is null, $"A's first frame after the deletion on B still named the person; Unknown after {unknownAfter.TotalMilliseconds:0} ms.");
        Assert.Null((await adminA.IdentifyAsync(probe, ct)).PersonId);
    }

    [Fact]
    public async Task A_person_enrolled_in_a_second_gallery_on_A_is_named_in_that_gallery_on_B_and_nowhere_else()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await WebNodeCluster.StartAsync(ct, ChannelOnly);
        using var adminA = await NodeClient.SignInAsync(cluster.A);
        using var adminB = await NodeClient.SignInAsync(cluster.B);
        var probe = await File.ReadAllBytesAsync(Path.Combine(RepoLocations.DeepFace, "img4.jpg"), ct);
        const string Site = "Second site";
        await adminA.CreateGalleryAsync(Site, ct);

        // Both galleries loaded on B before the change: what is timed is the change reaching B's index of that gallery.
        Assert.Null((await adminB.IdentifyAsync(probe, ct)).Name);
        Assert.Null((await adminB.IdentifyAsync(probe, ct, Site)).Name);

        var angelina = await adminA.CreatePersonAsync("Angelina Site", ct, Site);
        await adminA.EnrollAsync(angelina, ["img1.jpg", "img2.jpg"], ct);
        var enrolled = Stopwatch.StartNew();
        var after = await UntilAsync(async () => (await adminB.IdentifyAsync(probe, ct, Site)).PersonId == angelina, enrolled, ct);

        Assert.True(after < OneSecond, $"B named her in '{Site}' {after.TotalMilliseconds:0} ms after the enrollment on A returned.\nB:\n{cluster.B.Log}");
        Assert.Null((await adminB.IdentifyAsync(probe, ct)).PersonId);
        Assert.Null((await adminA.IdentifyAsync(probe, ct)).PersonId);
    }

    [Fact]
    public async Task A_model_put_in_use_in_a_second_gallery_on_A_is_used_there_on_B_and_Main_keeps_its_enrolled_faces()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await WebNodeCluster.StartAsync(ct, ChannelOnly);
        using var adminA = await NodeClient.SignInAsync(cluster.A);
        using var adminB = await NodeClient.SignInAsync(cluster.B);
        var probe = await File.ReadAllBytesAsync(Path.Combine(RepoLocations.DeepFace, "img16.jpg"), ct);
        const string Site = "Model site";
        await adminA.CreateGalleryAsync(Site, ct);
        var one = await adminA.CreatePersonAsync("Site One", ct, Site);
        await adminA.EnrollAsync(one, ["img16.jpg", "img17.jpg"], ct);
        var two = await adminA.CreatePersonAsync("Site Two", ct, Site);
        await adminA.EnrollAsync(two, ["img22.jpg", "img23.jpg"], ct);
        var model = await adminA.TrainAsync([one, two], TimeSpan.FromMinutes(3), ct);
        Assert.Equal("gallery", await adminB.RecognizerAsync(probe, ct, Site));

        await adminA.ActivateModelAsync(model, ct);
        var activated = Stopwatch.StartNew();
        var after = await UntilAsync(async () => (await adminB.RecognizerAsync(probe, ct, Site)).StartsWith("model", StringComparison.Ordinal), activated, ct);

        Assert.True(after < OneSecond, $"B recognised with the model in '{Site}' {after.TotalMilliseconds:0} ms after it was put in use on A.\nB:\n{cluster.B.Log}");
        Assert.Equal("gallery", await adminB.RecognizerAsync(probe, ct));
        Assert.Equal("gallery", await adminA.RecognizerAsync(probe, ct));
    }

    [Fact]
    public async Task A_cookie_issued_by_A_signs_the_same_user_in_on_B()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await WebNodeCluster.StartAsync(ct);
        using var adminA = await NodeClient.SignInAsync(cluster.A);

        Assert.Equal(HttpStatusCode.OK, await NodeClient.GetWithCookieAsync(cluster.B.BaseAddress, "api/v1/people", adminA.AuthCookie, ct));
        Assert.Equal(HttpStatusCode.Unauthorized, await NodeClient.GetWithCookieAsync(cluster.B.BaseAddress, "api/v1/people", "FacePortal.Auth=forged", ct));

        // The live hub on B takes the cookie too, and the key ring is in Redis, not on either node's disk.
        await using var live = await LiveClient.ConnectAsync(cluster.B.BaseAddress, adminA.AuthCookie, ct);
        Assert.Null(await live.NameInAsync(Frame("img4.jpg"), ct));
        Assert.False(Directory.Exists(Path.Combine(cluster.DataDirectory, "keys")));
    }

    [Fact]
    public async Task A_node_restarted_after_missing_changes_does_not_serve_a_deleted_person()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await WebNodeCluster.StartAsync(ct);
        using var adminA = await NodeClient.SignInAsync(cluster.A);
        var probe = await File.ReadAllBytesAsync(Path.Combine(RepoLocations.DeepFace, "img4.jpg"), ct);
        var angelina = await adminA.CreatePersonAsync("Angelina Restart", ct);
        await adminA.EnrollAsync(angelina, ["img1.jpg", "img2.jpg"], ct);

        await cluster.KillBAsync();
        await adminA.DeletePersonAsync(angelina, ct);
        var other = await adminA.CreatePersonAsync("Someone Else", ct);
        await adminA.EnrollAsync(other, ["img4.jpg"], ct);
        await cluster.StartBAsync(ct);

        using var adminB = await NodeClient.SignInAsync(cluster.B);
        Assert.Equal((other, "Someone Else"), await adminB.IdentifyAsync(probe, ct));
    }

    [Fact]
    public async Task A_node_cut_off_from_Redis_follows_the_database_and_hears_the_channel_again_when_Redis_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await WebNodeCluster.StartAsync(ct, ChannelOnly);
        using var adminA = await NodeClient.SignInAsync(cluster.A);
        using var adminB = await NodeClient.SignInAsync(cluster.B);
        var probe = await File.ReadAllBytesAsync(Path.Combine(RepoLocations.DeepFace, "img4.jpg"), ct);
        var angelina = await adminA.CreatePersonAsync("Angelina Outage", ct);
        await adminA.EnrollAsync(angelina, ["img1.jpg", "img2.jpg"], ct);
        await UntilAsync(async () => (await adminB.IdentifyAsync(probe, ct)).PersonId == angelina, Stopwatch.StartNew(), ct);

        // Redis goes away: A's message about the deletion is lost, so B finds it in the database.
        await cluster.Redis.StopAsync();
        await adminA.DeletePersonAsync(angelina, ct);
        var deleted = Stopwatch.StartNew();
        var unknownAfter = await UntilAsync(async () => (await adminB.IdentifyAsync(probe, ct)).PersonId is null, deleted, ct, TimeSpan.FromSeconds(10));
        Assert.True(unknownAfter < TimeSpan.FromSeconds(3), $"B named a person deleted during the Redis outage for {unknownAfter.TotalMilliseconds:0} ms.\nB:\n{cluster.B.Log}");

        // Redis is back: both nodes subscribe again (bounded), and changes travel on the channel again.
        await cluster.Redis.StartAgainAsync(ct);
        await cluster.Redis.WaitForSubscribersAsync(2, TimeSpan.FromSeconds(30), ct);
        var again = await adminA.CreatePersonAsync("Angelina Again", ct);
        await adminA.EnrollAsync(again, ["img1.jpg"], ct);
        var enrolled = Stopwatch.StartNew();
        var namedAfter = await UntilAsync(async () => (await adminB.IdentifyAsync(probe, ct)).PersonId == again, enrolled, ct, TimeSpan.FromSeconds(15));
        Assert.True(namedAfter < OneSecond, $"After Redis came back, B named a new person {namedAfter.TotalMilliseconds:0} ms after the enrollment on A.\nB:\n{cluster.B.Log}");
    }

    private static Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, Stopwatch since, CancellationToken cancellationToken, TimeSpan? limit = null) =>
        Bounded.UntilAsync(condition, since, limit ?? TimeSpan.FromSeconds(5), cancellationToken);

    /// <summary>A deepface photo as the Live page sends it: a 640x480 JPEG.</summary>
    internal static byte[] Frame(string deepFacePhoto)
    {
        using var image = new ImageDecoder().Decode(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, deepFacePhoto)));
        return ImageTransforms.CoverJpeg(image, 640, 480, 85);
    }
}
