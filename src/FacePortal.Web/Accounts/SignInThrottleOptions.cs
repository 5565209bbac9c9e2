using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Accounts;

/// <summary>
/// <c>FacePortal:SignIn</c>: failed sign-ins one client address may make per window, on one account
/// and on all accounts together. Behind a reverse proxy the address is the client's only when the
/// proxy is named in <c>FacePortal:ReverseProxy</c>.
/// </summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Per client and account; kept below the account lockout threshold (<see cref="AccountsRegistration.LockoutThreshold"/>).</summary>
    [Range(1, 1000)]
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>Per client over every account name it tries, so one address cannot try a few passwords on every account.</summary>
    [Range(1, 10000)]
    public int MaxFailuresPerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
