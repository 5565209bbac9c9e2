using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FacePortal.Web.Tests.Support;

/// <summary>The real app with the real models, in memory.</summary>
public sealed class FacePortalFactory : WebApplicationFactory<Program>
{
    public string ModelDirectory { get; init; } = RepoPaths.Models;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("FacePortal:Models:Directory", ModelDirectory);
        builder.UseEnvironment("Production");
    }
}
