namespace FacePortal.Web.Accounts;

public static class ActorName
{
    /// <summary>The audit trail's name for the signed-in user.</summary>
    public static string Of(ClaimsPrincipal user) => user?.Identity?.Name ?? "unknown";

    public static string IdOf(ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
}
