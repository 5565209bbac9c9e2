namespace FacePortal.Web.Accounts;

/// <summary>The two roles. Admins manage identities, training, models and users; users test recognition.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string User = "User";

    public static IReadOnlyList<string> All { get; } = [Admin, User];
}

/// <summary>Authorization policy names; every page, endpoint and hub names one.</summary>
public static class Policies
{
    /// <summary>Admins only.</summary>
    public const string Admin = "Admin";

    /// <summary>Anyone allowed to use recognition: users and admins.</summary>
    public const string User = "User";
}
