using Bunit;
using FacePortal.Web.Accounts;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Components.Pages.Accounts;

/// <summary>The Users page states the lockout rules that are configured, not a copy of them (it said 5; it is 10).</summary>
public sealed class UsersPageTests : AppComponentTest
{
    [Fact]
    public void The_lockout_sentence_follows_the_identity_options()
    {
        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Contains(
            $"Accounts lock for 15 minutes after {AccountsRegistration.LockoutThreshold} wrong passwords in a row.", page.Markup, StringComparison.Ordinal));
        Assert.Equal(10, AccountsRegistration.LockoutThreshold);
    }
}
