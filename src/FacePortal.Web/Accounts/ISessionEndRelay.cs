namespace FacePortal.Web.Accounts;

/// <summary>Carries "end this account's sessions" to the other nodes, which call <see cref="AccountSessions.EndHere"/>.</summary>
public interface ISessionEndRelay
{
    void Ended(string userId);
}
