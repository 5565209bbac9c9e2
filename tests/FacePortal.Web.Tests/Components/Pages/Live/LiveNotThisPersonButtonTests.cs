using Bunit;
using Bunit.TestDoubles;
using FacePortal.Web.Accounts;
using FacePortal.Web.Recognition.Live;
using MudBlazor;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.Live;

/// <summary>Live's "Not <name>": admins only, named faces only, the frame held before the confirmation, the box sent in frame pixels.</summary>
public sealed class LiveNotThisPersonButtonTests : BunitContext
{
    private static readonly Guid AnnId = Guid.Parse("5b0c6a1e-7d0e-4d38-9a52-3f2b8a1c9d10");
    private static readonly LivePage.LiveStatsFace Ann = new("Ann", AnnId.ToString(), 0.71f, null, TrackId: 3, Verdict: "named", Label: "Ann", X: 100, Y: 50, W: 80, H: 90);

    private readonly List<long> _held = [];
    private readonly List<LiveMark> _sent = [];
    private readonly BunitAuthorizationContext _auth;

    public LiveNotThisPersonButtonTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        _auth = AddAuthorization();
        _auth.SetAuthorized("ann-admin");
    }

    [Fact]
    public void A_user_who_is_not_an_admin_never_sees_the_button()
    {
        var button = RenderButton(Ann);

        Assert.Empty(button.FindAll(".live-not-this-person"));
    }

    [Theory]
    [InlineData("confirming")]
    [InlineData("nobody-close")]
    [InlineData("marked-not-this-person")]
    public void An_admin_sees_it_only_for_a_named_face(string verdict)
    {
        _auth.SetPolicies(Policies.Admin);

        Assert.Single(RenderButton(Ann).FindAll(".live-not-this-person"));
        Assert.Empty(RenderButton(Ann with { Verdict = verdict, Name = verdict == "confirming" ? null : Ann.Name }).FindAll(".live-not-this-person"));
    }

    [Fact]
    public async Task Confirmed_it_sends_the_face_box_of_the_frame_held_and_says_it_was_stored()
    {
        _auth.SetPolicies(Policies.Admin);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var button = RenderButton(Ann, sequence: 42);

        // The click's handler waits for the confirmation: started here, awaited once the dialog is answered.
        var clicking = button.Find(".live-not-this-person").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Not Ann?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal([42L], _held);
        Assert.Empty(_sent);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Not Ann").Click();

        dialogs.WaitForAssertion(() => Assert.Single(_sent));
        Assert.Equal(new LiveMark(42, AnnId, 100, 50, 180, 140), _sent[0]);
        await clicking.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);
        snackbars.WaitForAssertion(() => Assert.Contains("Marked as not Ann", snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelled_it_sends_nothing()
    {
        _auth.SetPolicies(Policies.Admin);
        var dialogs = Render<MudDialogProvider>();
        var button = RenderButton(Ann);

        // The click's handler waits for the confirmation: started here, awaited once the dialog is answered.
        var clicking = button.Find(".live-not-this-person").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Not Ann?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        await clicking.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task A_frame_no_longer_kept_is_said_and_nothing_is_asked_or_sent()
    {
        _auth.SetPolicies(Policies.Admin);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var button = RenderButton(Ann, hold: false);

        // The click's handler waits for the confirmation: started here, awaited once the dialog is answered.
        var clicking = button.Find(".live-not-this-person").ClickAsync(new());

        await clicking.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);
        snackbars.WaitForAssertion(() => Assert.Contains("no longer kept", snackbars.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Not Ann?", dialogs.Markup, StringComparison.Ordinal);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task A_refusal_from_the_server_is_shown_as_it_came()
    {
        _auth.SetPolicies(Policies.Admin);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var button = RenderButton(Ann, outcome: new LiveMarkOutcome(false, "No face at that box."));

        // The click's handler waits for the confirmation: started here, awaited once the dialog is answered.
        var clicking = button.Find(".live-not-this-person").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Not Ann?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Not Ann").Click();

        await clicking.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);
        snackbars.WaitForAssertion(() => Assert.Contains("Not stored: No face at that box.", snackbars.Markup, StringComparison.Ordinal));
    }

    private IRenderedComponent<LiveNotThisPersonButton> RenderButton(LivePage.LiveStatsFace face, long sequence = 7, bool hold = true, LiveMarkOutcome? outcome = null) =>
        Render<LiveNotThisPersonButton>(p => p
            .Add(b => b.Face, face)
            .Add(b => b.Sequence, sequence)
            .Add(b => b.Hold, s =>
            {
                _held.Add(s);
                return Task.FromResult(hold);
            })
            .Add(b => b.Send, mark =>
            {
                _sent.Add(mark);
                return Task.FromResult(outcome ?? new LiveMarkOutcome(true, null));
            }));
}
