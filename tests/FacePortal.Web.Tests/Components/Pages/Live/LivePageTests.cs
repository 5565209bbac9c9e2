using Bunit;
using FacePortal.Core.Galleries;
using FacePortal.Web.Components.Shared;
using FacePortal.Web.Galleries;
using FacePortal.Web.Recognition.Live;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Components.Pages.Live;

public sealed class LivePageTests : AppComponentTest
{
    [Fact]
    public void The_liveness_badge_is_off_by_default_and_labelled_experimental()
    {
        var page = Render<LivePage>();

        var toggle = page.Find("#live-liveness input[type=checkbox]");
        Assert.False(toggle.HasAttribute("checked"));
        Assert.Contains("Liveness badge (experimental)", page.Find("#live-liveness").TextContent, StringComparison.Ordinal);
        Assert.Contains("experimental", page.Find("#live-liveness-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faces_in_view_show_the_liveness_score_as_experimental_and_a_refusal_as_a_sentence()
    {
        var page = Render<LivePage>();

        await page.InvokeAsync(() => page.Instance.OnStats(new LivePage.LiveStats(10, 40, 20, 640, 480, 0, 0, null,
        [
            new("Ann", "1", 0.8f, null, Liveness: 0.93f, Live: true),
            new(null, null, 0.1f, null, LivenessRefusal: "The face is 20x24 pixels in the analysed image."),
            new("Bob", "2", 0.7f, null),
        ])));

        var badges = page.FindAll("#live-people .live-liveness").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(2, badges.Count);
        Assert.Equal("· live 0.93 (experimental)", badges[0]);
        Assert.Contains("liveness not measured: The face is 20x24 pixels", badges[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_face_says_at_what_false_match_rate_it_was_decided_once()
    {
        var page = Render<LivePage>();
        const string Point = "named at a 1% false-match rate for 1 person";

        await page.InvokeAsync(() => page.Instance.OnStats(new LivePage.LiveStats(10, 40, 20, 640, 480, 0, 0, null,
        [
            new("Ann", "1", 0.7f, null, TrackId: 1, Verdict: "named", Label: "Ann", Reason: $"Ann at 0.700, {Point}. Named in 5 of the last 5 frames (3 needed).", OperatingPoint: Point),
            new(null, null, 0.1f, null, TrackId: 2, Verdict: "nobody-close", Label: "Unknown (nobody close)", Reason: "Nobody close: the model is 40% sure of Bob, below its calibrated 60%.", OperatingPoint: Point),
        ])));

        var items = page.FindAll("#live-people .mud-list-item").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, text => Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "false-match rate")));
        Assert.Contains($"Decided {Point}.", items[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_the_badge_on_before_the_camera_starts_calls_no_script()
    {
        var page = Render<LivePage>();

        await page.Find("#live-liveness input[type=checkbox]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });

        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "setLiveness");
        Assert.True(page.Find("#live-liveness input[type=checkbox]").HasAttribute("checked") || page.Markup.Contains("mud-checked", StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_camera_off_the_statistics_are_dashes_not_zeros()
    {
        var page = Render<LivePage>();

        Assert.Equal("–", page.Find("#live-fps").TextContent);
        Assert.Equal("–", page.Find("#live-rtt").TextContent);
        Assert.Equal("–", page.Find("#live-server").TextContent);
    }

    [Fact]
    public async Task A_gallery_chosen_while_the_camera_opens_is_the_one_recognition_runs_in()
    {
        // A picker's choice reaches the page after a browser round trip, so a Start pressed right after it can begin first.
        var branch = (await App.Services.GetRequiredService<GalleryService>().CreateAsync("Branch", "test", Xunit.TestContext.Current.CancellationToken)).Value;
        var start = JSInterop.SetupModule("./js/live-recognition.js").Setup<CameraStart>("start", _ => true);
        var page = Render<LivePage>();
        var picker = page.FindComponent<GalleryPicker>();

        var pressed = page.Find("#live-start").ClickAsync(new MouseEventArgs());
        await page.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(branch));
        start.SetResult(new CameraStart(640, 480, [new("cam", "Front")]));
        await pressed;

        page.WaitForAssertion(() => Assert.Equal(2, start.Invocations["start"].Count));
        Assert.EndsWith($"{GalleryAccess.Parameter}={Gallery.DefaultId}", HubUrl(start.Invocations["start"][0]), StringComparison.Ordinal);
        Assert.EndsWith($"{GalleryAccess.Parameter}={branch}", HubUrl(start.Invocations["start"][1]), StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#live-stop")));
    }

    [Fact]
    public async Task A_gallery_chosen_while_the_camera_runs_reopens_the_connection_in_it()
    {
        var branch = (await App.Services.GetRequiredService<GalleryService>().CreateAsync("Branch", "test", Xunit.TestContext.Current.CancellationToken)).Value;
        var start = JSInterop.SetupModule("./js/live-recognition.js").Setup<CameraStart>("start", _ => true);
        start.SetResult(new CameraStart(640, 480, [new("cam", "Front")]));
        var page = Render<LivePage>();
        await page.Find("#live-start").ClickAsync(new MouseEventArgs());

        await page.InvokeAsync(() => page.FindComponent<GalleryPicker>().Instance.ValueChanged.InvokeAsync(branch));

        Assert.Equal(2, start.Invocations["start"].Count);
        Assert.EndsWith($"{GalleryAccess.Parameter}={branch}", HubUrl(start.Invocations["start"][1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HD_frame_size_and_the_liveness_badge_chosen_while_the_camera_opens_apply_once_it_has()
    {
        var module = JSInterop.SetupModule("./js/live-recognition.js");
        var start = module.Setup<CameraStart>("start", _ => true);
        module.SetupVoid("setLiveness", _ => true).SetVoidResult();
        var page = Render<LivePage>();

        var pressed = page.Find("#live-start").ClickAsync(new MouseEventArgs());
        await page.InvokeAsync(() => page.FindComponents<MudBlazor.MudSelect<int>>().Single().Instance.ValueChanged.InvokeAsync(1280));
        await page.Find("#live-liveness input[type=checkbox]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });
        start.SetResult(new CameraStart(1280, 720, [new("cam", "Front")]));
        await pressed;

        // The camera opened at VGA is opened again in HD, and that start asks for the badge.
        page.WaitForAssertion(() => Assert.Equal(2, start.Invocations["start"].Count));
        Assert.Equal(640, Option<int>(start.Invocations["start"][0], "cameraWidth"));
        Assert.Equal(1280, Option<int>(start.Invocations["start"][1], "cameraWidth"));
        Assert.Equal(1280, Option<int>(start.Invocations["start"][1], "frameWidth"));
        Assert.True(Option<bool>(start.Invocations["start"][1], "liveness"));
    }

    [Fact]
    public async Task The_liveness_badge_chosen_while_the_camera_opens_is_asked_for_once_it_has()
    {
        var module = JSInterop.SetupModule("./js/live-recognition.js");
        var start = module.Setup<CameraStart>("start", _ => true);
        var liveness = module.SetupVoid("setLiveness", _ => true);
        liveness.SetVoidResult();
        var page = Render<LivePage>();

        var pressed = page.Find("#live-start").ClickAsync(new MouseEventArgs());
        await page.Find("#live-liveness input[type=checkbox]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });
        // Not while it opens: the script has no session to tell yet.
        Assert.Empty(liveness.Invocations);
        start.SetResult(new CameraStart(640, 480, [new("cam", "Front")]));
        await pressed;

        Assert.Single(start.Invocations["start"]);
        Assert.False(Option<bool>(start.Invocations["start"][0], "liveness"));
        Assert.Equal([true], liveness.Invocations["setLiveness"].Select(i => (bool)i.Arguments[0]!));
    }

    private static T Option<T>(Bunit.JSRuntimeInvocation invocation, string name)
    {
        var options = invocation.Arguments[2]!;
        return (T)options.GetType().GetProperty(name)!.GetValue(options)!;
    }

    private static string HubUrl(Bunit.JSRuntimeInvocation invocation) => Option<string>(invocation, "hubUrl");

    [Theory]
    [InlineData(1280, 640, 480, "Your camera gives 640×480, so frames are sent at 640 px, not 1280.")]
    [InlineData(1280, 1280, 720, null)]
    [InlineData(640, 640, 480, null)]
    [InlineData(320, 640, 480, null)]
    [InlineData(1280, 0, 0, null)]
    public void The_page_says_when_the_camera_gives_fewer_pixels_than_the_size_chosen(int frameWidth, int cameraWidth, int cameraHeight, string? expected) =>
        Assert.Equal(expected, LivePage.CameraNote(frameWidth, cameraWidth, cameraHeight));
}
