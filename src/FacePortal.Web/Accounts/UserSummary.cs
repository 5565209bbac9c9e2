namespace FacePortal.Web.Accounts;

public sealed record UserSummary(string Id, string UserName, IReadOnlyList<string> Roles, bool IsLockedOut, DateTimeOffset? LockoutEnd, int FailedAttempts, DateTime CreatedAt, DateTime? LastSignInAt);
