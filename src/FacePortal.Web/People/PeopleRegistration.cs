using FacePortal.Core.Auditing;
using FacePortal.Core.Data;
using FacePortal.Core.People;
using FacePortal.Core.People.Transfer;
using FacePortal.Core.Storage;

namespace FacePortal.Web.People;

/// <summary>The people feature's services: database, blob store, people, enrollment, import and export.</summary>
public static class PeopleRegistration
{
    public static IServiceCollection AddPeople(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string dataDirectory)
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
