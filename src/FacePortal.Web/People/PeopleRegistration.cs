namespace FacePortal.Web.People;

/// <summary>The people feature over HTTP: people and uploads, photo and crop files, zip export and import. Its services are Core's.</summary>
public static class PeopleRegistration
{
    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        app.MapPeopleApi();
        app.MapMediaApi();
        app.MapTransferApi();
        return app;
    }
}
