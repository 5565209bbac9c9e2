namespace FacePortal.Web.People;

/// <summary>The people feature over HTTP: people and uploads, photo and crop files, zip export and import. Its services are Core's.</summary>
public static class PeopleRegistration
{
    public static RouteGroupBuilder MapPeople(this RouteGroupBuilder v1)
    {
        v1.MapPeopleApiV1();
        v1.MapMediaApi();
        v1.MapTransferApi();
        return v1;
    }
}
