using FacePortal.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FacePortal.Core.Tests.Data;

public sealed class DatabaseRegistrationTests
{
    private const string DataDirectory = "/srv/faceportal";

    [Fact]
    public void Sqlite_defaults_to_a_file_in_the_data_directory()
    {
        using var services = Provider(new());

        Assert.Equal($"Data Source={Path.Combine(DataDirectory, "faceportal.db")}", services.GetRequiredService<DatabaseOptions>().ConnectionString);
    }

    [Fact]
    public void The_named_connection_string_fills_an_empty_setting()
    {
        using var services = Provider(new() { ["ConnectionStrings:FacePortal"] = "Data Source=/elsewhere.db" });

        Assert.Equal("Data Source=/elsewhere.db", services.GetRequiredService<DatabaseOptions>().ConnectionString);
    }

    [Fact]
    public void The_setting_wins_over_the_named_connection_string()
    {
        using var services = Provider(new()
        {
            ["Database:ConnectionString"] = "Data Source=/set.db",
            ["ConnectionStrings:FacePortal"] = "Data Source=/named.db",
        });

        Assert.Equal("Data Source=/set.db", services.GetRequiredService<DatabaseOptions>().ConnectionString);
    }

    [Fact]
    public void Sql_server_without_a_connection_string_names_the_key_to_set()
    {
        using var services = Provider(new() { ["Database:Provider"] = "SqlServer" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(["Database:ConnectionString must be set when Provider is SqlServer (or set ConnectionStrings:FacePortal)."], failure.Failures);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddFacePortalDatabase(DataDirectory);
        return services.BuildServiceProvider();
    }
}
