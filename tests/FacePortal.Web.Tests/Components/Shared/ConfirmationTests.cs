using Bunit;
using FacePortal.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Shared;

public sealed class ConfirmationTests : BunitContext
{
    public ConfirmationTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Theory]
    [InlineData("Reset", true)]
    [InlineData("Cancel", false)]
    public async Task Is_true_only_when_the_action_button_is_pressed(string pressed, bool expected)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();

        var answer = provider.InvokeAsync(() => dialogs.ConfirmAsync("Reset the password of ada?", "A new password is generated.", yesText: "Reset"));
        provider.WaitForAssertion(() => Assert.Contains("Reset the password of ada?", provider.Markup, StringComparison.Ordinal));
        provider.FindAll("button").Single(b => b.TextContent.Trim() == pressed).Click();

        Assert.Equal(expected, await answer.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken));
    }
}
