using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Accounts;

/// <summary>
/// <c>FacePortal:Admin</c>: the administrator created when no account exists yet
/// (environment variables <c>FacePortal__Admin__UserName</c> and <c>FacePortal__Admin__Password</c>).
/// With no password configured, a one-time password is generated and printed on the console.
/// </summary>
public sealed record FirstAdminOptions
{
    public const string Section = "FacePortal:Admin";

    [Required]
    public string UserName { get; init; } = "admin";

    public string? Password { get; init; }
}
