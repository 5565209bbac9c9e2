namespace FacePortal.Web.Galleries;

public static class GalleriesRegistration
{
    /// <summary>Who may use which gallery (<see cref="GalleryAccess"/>), per request or circuit: it reads the account's grants.</summary>
    public static IServiceCollection AddGalleries(this IServiceCollection services)
    {
        services.AddScoped<UserGalleryGrants>();
        services.AddScoped<GalleryAccess>();
        return services;
    }
}
