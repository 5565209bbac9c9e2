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

    [Fact]
    public async Task A_spaces_only_name_is_refused_as_typed_and_the_counter_counts_no_spaces()
    {
        var saved = new List<string>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<PersonNameDialog> { { d => d.Save, name => { saved.Add(name); return Task.FromResult<string?>(null); } } };
        await provider.InvokeAsync(() => dialogs.ShowAsync<PersonNameDialog>("New person", parameters));

        provider.Find("#person-name-input").Input("    ");

        Assert.Equal("A name needs letters, not only spaces.", provider.Find("#person-name-error").TextContent);
        Assert.Equal("0 / 100", provider.Find("#person-name-counter").TextContent);
        provider.Find("#person-name-save").Click();
        Assert.Empty(saved);

        provider.Find("#person-name-input").Input("  Ada ");
        Assert.Empty(provider.FindAll("#person-name-error"));
        Assert.Equal("3 / 100", provider.Find("#person-name-counter").TextContent);
    }

    [Fact]
    public async Task A_taken_name_is_refused_apart_from_the_counter_with_a_link_to_the_person_who_has_it()
    {
        var existing = Guid.NewGuid();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<PersonNameDialog>
        {
            { d => d.Save, name => Task.FromResult<string?>($"There is already a person called {name}.") },
            { d => d.FindExisting, name => Task.FromResult<Guid?>(name == "barack obama" ? existing : null) },
        };
        await provider.InvokeAsync(() => dialogs.ShowAsync<PersonNameDialog>("New person", parameters));

        provider.Find("#person-name-input").Input("barack obama");
        provider.Find("#person-name-save").Click();

        provider.WaitForAssertion(() => Assert.Equal("There is already a person called barack obama.", provider.Find("#person-name-error").TextContent));
        Assert.Equal("12 / 100", provider.Find("#person-name-counter").TextContent);
        var link = provider.Find("#person-name-existing");
        Assert.Equal($"people/{existing}", link.GetAttribute("href"));
        Assert.Equal("Open barack obama", link.TextContent);
    }
}
