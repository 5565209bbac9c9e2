using System.Net;
using FacePortal.Web.Accounts;
using FacePortal.Web.Recognition.Live;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Accounts;

/// <summary>Locking, deleting or demoting an account ends its open live streams and its cookie at once, not a minute later.</summary>
public sealed class SessionEndTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Theory]
    [InlineData("lock")]
    [InlineData("delete")]
    [InlineData("demote")]
    public async Task The_account_change_closes_its_live_stream_within_a_second_and_refuses_its_cookie(string change)
    {
        var userName = $"streamer-{change}";
        var users = factory.Services.GetRequiredService<UserAdministration>();
        Assert.True((await users.CreateAsync(userName, FacePortalFactory.UserPassword, [Roles.Admin, Roles.User], "test")).Succeeded);
        var cookie = await factory.SignInCookieAsync(userName, FacePortalFactory.UserPassword);
        await using var connection = factory.CreateLiveConnection(cookie);
        var answered = new TaskCompletionSource<FrameResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<FrameResult>(nameof(ILiveRecognitionClient.FrameResult), r => answered.TrySetResult(r));
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await connection.SendAsync(nameof(LiveRecognitionHub.SendFrame), new FrameRequest { Sequence = 1, Image = TestPhotos.DeepFaceFrame("img20.jpg") }, TestContext.Current.CancellationToken);
        Assert.Equal(FrameStatus.Ok, (await answered.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)).Status);
        using var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        using (var before = await client.GetAsync(new Uri("/people", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var id = (await users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == userName).Id;
        var result = change switch
        {
            "lock" => await users.SetLockedAsync(id, locked: true, actorId: "admin-id", actor: "test"),
            "delete" => await users.DeleteAsync(id, actorId: "admin-id", actor: "test"),
            _ => await users.SetRolesAsync(id, [Roles.User], actorId: "admin-id", actor: "test"),
        };
        Assert.True(result.Succeeded, result.Error);

        // Before the fix the stream went on for 98 s and HTTP for about 60 s.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        using var after = await client.GetAsync(new Uri("/people", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
