namespace FacePortal.Shared.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
