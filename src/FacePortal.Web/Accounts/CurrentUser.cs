using Microsoft.AspNetCore.Components.Authorization;

namespace FacePortal.Web.Accounts;

/// <summary>The signed-in user of a circuit, for the audit trail and self-protection rules.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<(string Name, string Id)> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return (ActorName.Of(state.User), ActorName.IdOf(state.User));
    }

    /// <summary>The name the audit trail records for what this user does.</summary>
    public async Task<string> NameAsync() => (await GetAsync()).Name;
}
