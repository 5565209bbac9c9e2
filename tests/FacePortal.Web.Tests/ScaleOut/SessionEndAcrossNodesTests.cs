using FacePortal.TestSupport.Engines;
using FacePortal.Web.Accounts;
using FacePortal.Web.Recognition.Live;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.ScaleOut;

/// <summary>Two apps on one data directory and one real redis-server: an account locked on one ends its live stream on the other.</summary>
public sealed class SessionEndAcrossNodesTests
{
    [Fact]
    public async Task Locking_an_account_on_node_A_closes_its_live_stream_on_node_B_within_a_second()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartAsync(ct);
        var settings = new Dictionary<string, string> { ["FacePortal:Redis:Configuration"] = redis.Configuration };
        await using var nodeA = new FacePortalFactory { Settings = settings };
        var users = nodeA.Services.GetRequiredService<UserAdministration>();
        Assert.True((await users.CreateAsync("roaming", FacePortalFactory.UserPassword, [Roles.User], "test")).Succeeded);
        var cookie = await nodeA.SignInCookieAsync("roaming", FacePortalFactory.UserPassword);

        await using var nodeB = new FacePortalFactory { Settings = settings, DataDirectory = nodeA.DataDirectory };
        await using var connection = nodeB.CreateLiveConnection(cookie);
        var answered = new TaskCompletionSource<FrameResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<FrameResult>(nameof(ILiveRecognitionClient.FrameResult), r => answered.TrySetResult(r));
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync(ct);
        await connection.SendAsync(nameof(LiveRecognitionHub.SendFrame), new FrameRequest { Sequence = 1, Image = TestPhotos.DeepFaceFrame("img20.jpg") }, ct);
        Assert.Equal(FrameStatus.Ok, (await answered.Task.WaitAsync(TimeSpan.FromSeconds(20), ct)).Status);

        var id = (await users.ListAsync(ct)).Single(u => u.UserName == "roaming").Id;
        Assert.True((await users.SetLockedAsync(id, locked: true, actorId: "admin-id", actor: "test")).Succeeded);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(1), ct);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }
}
