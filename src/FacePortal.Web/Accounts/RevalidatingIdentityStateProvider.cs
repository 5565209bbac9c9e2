using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace FacePortal.Web.Accounts;

/// <summary>
/// An interactive circuit outlives the cookie check. Locking, deleting or demoting its account
/// signs it out at once (through <see cref="AccountSessions"/>); as a backstop, every minute it
/// re-reads the account, which also catches changes made on another node.
/// </summary>
public sealed class RevalidatingIdentityStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<IdentityOptions> _options;
    private readonly AccountSessions _sessions;
    private IDisposable? _registration;

    public RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options, AccountSessions sessions)
        : base(loggerFactory)
    {
        _scopes = scopes;
        _options = options;
        _sessions = sessions;
        AuthenticationStateChanged += Track;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= Track;
            _registration?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async void Track(Task<AuthenticationState> state)
    {
        try
        {
            var user = (await state.ConfigureAwait(false)).User;
            _registration?.Dispose();
            _registration = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
                ? _sessions.Register(userId, SignOut)
                : null;
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // The circuit is going away; nothing to track.
        }
    }

    // The same as the base class does when revalidation fails: the circuit's pages see an anonymous user.
    private void SignOut() =>
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = authenticationState.User.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
