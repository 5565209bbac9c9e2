using Bunit;
using FacePortal.Web.People;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.People;

public sealed class PersonNameDialogTests : BunitContext
{
    public PersonNameDialogTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public async Task Refuses_a_blank_name_without_calling_save_and_shows_the_services_refusal()
    {
        var saved = new List<string>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<PersonNameDialog>
        {
            { d => d.Save, name =>
                {
                    saved.Add(name);
                    return Task.FromResult<string?>(name == "Taken" ? "There is already a person called Taken." : null);
                }
            },
        };
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<PersonNameDialog>("New person", parameters));

        provider.Find("#person-name-save").Click();
        Assert.Contains("Enter a name.", provider.Markup, StringComparison.Ordinal);
        Assert.Empty(saved);

        provider.Find("#person-name-input").Input("Taken");
        provider.Find("#person-name-save").Click();
        provider.WaitForAssertion(() => Assert.Contains("There is already a person called Taken.", provider.Markup, StringComparison.Ordinal));

        provider.Find("#person-name-input").Input("  Grace Hopper ");
        provider.Find("#person-name-save").Click();
        var result = await reference.Result;

        Assert.Equal(["Taken", "Grace Hopper"], saved);
        Assert.False(result!.Canceled);
        Assert.Equal("Grace Hopper", result.Data);
    }
}
