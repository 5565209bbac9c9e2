using FacePortal.Shared.Auditing;
using FacePortal.Shared.Data;
using FacePortal.Shared.Enrollment;
using FacePortal.Shared.Enrollment.Transfer;
using FacePortal.Shared.Identities;
using FacePortal.Shared.Storage;

namespace FacePortal.Web.Identities;

/// <summary>The identities feature's services: database, blob store, people, enrollment, import and export.</summary>
public static class IdentitiesRegistration
{
    public static IServiceCollection AddIdentities(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string dataDirectory)
    {
        services.AddFacePortalDatabase(database, dataDirectory);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new BlobStore(Path.Combine(dataDirectory, "blobs")));
        services.AddSingleton(configuration.GetSection("FacePortal:Enrollment").Get<EnrollmentOptions>() ?? new EnrollmentOptions());
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<PeopleService>();
        services.AddSingleton<EnrollmentService>();
        services.AddSingleton<FaceSetExporter>();
        services.AddSingleton<FaceSetImporter>();
        return services;
    }
}
