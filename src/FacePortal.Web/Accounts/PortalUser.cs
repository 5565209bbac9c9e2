namespace FacePortal.Web.Accounts;

public sealed class PortalUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }
}
