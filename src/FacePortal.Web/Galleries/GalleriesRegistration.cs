namespace FacePortal.Web.Galleries;

public static class GalleriesRegistration
{
    /// <summary>Who may use which gallery (<see cref="GalleryAccess"/>); it reads an account's grants in a scope of its own.</summary>
    public static IServiceCollection AddGalleries(this IServiceCollection services)
    {
        services.AddSingleton<UserGalleryGrants>();
        services.AddSingleton<GalleryAccess>();
        return services;
    }
}
