using Bunit;
using FacePortal.Core.Feedback;
using FacePortal.Web.Accounts;
using FacePortal.Web.Components.Pages.TestPhoto;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.TestPhoto;

/// <summary>"Not &lt;name&gt;" on Test a photo, on the real app with real photos: shown to admins for a named face, stored only after the confirmation.</summary>
/// Not an <see cref="AppComponentTest"/>: each test signs in with its own policies, which bUnit takes only before the first render.
public sealed class NotThisPersonButtonTests : BunitContext
{
    public NotThisPersonButtonTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddScoped<CurrentUser>();
        Services.AddFallbackServiceProvider(App.Services);
    }

    private FacePortalFactory App { get; } = new();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_marks_a_named_face_after_confirming_and_cancelling_stores_nothing()
    {
        AddAuthorization().SetAuthorized(FacePortalFactory.AdminName).SetPolicies(Policies.Admin, Policies.User);
        Render<MudPopoverProvider>();
        var angelina = await GalleryPeople.EnrollAsync(App, "Angelina Button", "img1.jpg");
        var provider = Render<MudDialogProvider>();
        var page = await TestAsync("img2.jpg");

        var button = page.WaitForElement("button.not-this-person");
        Assert.Equal("Not Angelina Button", button.TextContent.Trim());

        await ClickAndAnswerAsync(provider, page, "Cancel");
        Assert.Equal(0, await App.QueryAsync(db => db.NegativeExamples.CountAsync(Ct)));

        await ClickAndAnswerAsync(provider, page, "Not Angelina Button");
        page.WaitForElement(".not-this-person-done");
        var stored = Assert.Single(await App.QueryAsync(db => db.NegativeExamples.ToListAsync(Ct)));
        Assert.Equal(angelina, stored.PersonId);
        Assert.Equal(NegativeSource.TestPhoto, stored.Source);
        Assert.Equal(FacePortalFactory.AdminName, stored.MarkedBy);
    }

    [Fact]
    public async Task A_user_who_is_not_an_admin_sees_no_button()
    {
        AddAuthorization().SetAuthorized("tester").SetPolicies(Policies.User);
        Render<MudPopoverProvider>();
        await GalleryPeople.EnrollAsync(App, "Angelina Button", "img1.jpg");
        var page = await TestAsync("img2.jpg");

        page.WaitForAssertion(() => Assert.Contains("Angelina Button", page.Find("#test-results").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("button.not-this-person"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        // The page goes before the app it reads from.
        await DisposeComponentsAsync();
        await base.DisposeAsyncCore();
        await App.DisposeAsync();
    }

    private async Task<IRenderedComponent<TestPhotoPage>> TestAsync(string photo)
    {
        var page = Render<TestPhotoPage>();
        await page.InvokeAsync(() => page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestPhotos.DeepFace(photo), photo, contentType: "image/jpeg")));
        page.WaitForElement("#test-results", TimeSpan.FromSeconds(60));
        return page;
    }

    private static async Task ClickAndAnswerAsync(IRenderedComponent<MudDialogProvider> provider, IRenderedComponent<TestPhotoPage> page, string answer)
    {
        var click = page.Find("button.not-this-person").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.Contains("Not Angelina Button?", provider.Markup, StringComparison.Ordinal));
        await provider.FindAll("button").Single(b => b.TextContent.Trim() == answer).ClickAsync(new());
        await click.WaitAsync(TimeSpan.FromSeconds(60), Ct);
    }
}
