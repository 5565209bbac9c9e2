using FacePortal.TestSupport;

namespace FacePortal.Web.Tests.Support;

public static class RepoPaths
{
    public static string Models => RepoLocations.Models;
}
