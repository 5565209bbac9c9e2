using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Accounts;

/// <summary><c>FacePortal:SignIn</c>: failed sign-ins one client address may make per window.</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Kept below the account lockout threshold (<see cref="AccountsRegistration.LockoutThreshold"/>).</summary>
    [Range(1, 1000)]
    public int MaxFailuresPerAddress { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
