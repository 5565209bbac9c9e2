namespace FacePortal.Web.Accounts;

public sealed record UserSummary(string Id, string UserName, IReadOnlyList<string> Roles, bool IsLockedOut, DateTimeOffset? LockoutEnd, int FailedAttempts, DateTime CreatedAt, DateTime? LastSignInAt);

/// <summary>The result of an account change: null error on success; a new password when one was generated.</summary>
public sealed record UserChange(string? Error, string? GeneratedPassword = null)
{
    public bool Succeeded => Error is null;

    public static UserChange Ok(string? generatedPassword = null) => new(null, generatedPassword);
}
