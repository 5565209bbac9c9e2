namespace FacePortal.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
