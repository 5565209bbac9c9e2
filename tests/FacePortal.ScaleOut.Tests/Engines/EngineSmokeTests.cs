using FacePortal.TestSupport.Engines;
using Npgsql;

namespace FacePortal.ScaleOut.Tests.Engines;

/// <summary>The private engines start, answer on loopback, and keep each test's database apart.</summary>
public sealed class EngineSmokeTests
{
    [Fact]
    public async Task Private_postgres_serves_fresh_databases_on_loopback()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await PostgresServer.StartAsync(ct);

        var first = await postgres.CreateDatabaseAsync(ct);
        var second = await postgres.CreateDatabaseAsync(ct);
        Assert.NotEqual(first, second);

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand("CREATE TABLE probe (id int); INSERT INTO probe VALUES (42);", connection);
            await create.ExecuteNonQueryAsync(ct);
            await using var query = new NpgsqlCommand("SELECT id FROM probe", connection);
            Assert.Equal(42, await query.ExecuteScalarAsync(ct));
            await using var address = new NpgsqlCommand("SELECT host(inet_server_addr())", connection);
            Assert.Equal("127.0.0.1", await address.ExecuteScalarAsync(ct));
        }

        await using (var other = new NpgsqlConnection(second))
        {
            await other.OpenAsync(ct);
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'probe'", other);
            Assert.Equal(0L, await tables.ExecuteScalarAsync(ct));
        }
    }

    [Fact]
    public async Task Private_postgres_runs_as_an_unprivileged_user_and_is_gone_after_disposal()
    {
        var ct = TestContext.Current.CancellationToken;
        var postgres = await PostgresServer.StartAsync(ct);
        string dataDirectory;
        await using (var connection = new NpgsqlConnection(postgres.AdminConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var settings = new NpgsqlCommand("SHOW fsync", connection);
            Assert.Equal("off", await settings.ExecuteScalarAsync(ct));
            await using var directory = new NpgsqlCommand("SHOW data_directory", connection);
            dataDirectory = (string)(await directory.ExecuteScalarAsync(ct))!;
        }

        // The postmaster's process runs as someone other than root.
        var postmaster = (await File.ReadAllLinesAsync(Path.Combine(dataDirectory, "postmaster.pid"), ct))[0];
        var status = await File.ReadAllLinesAsync($"/proc/{postmaster}/status", ct);
        var uid = status.First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.NotEqual("0", uid);

        await postgres.DisposeAsync();
        Assert.False(Directory.Exists(dataDirectory));
        Assert.False(EngineProcess.IsRunning(postmaster));
        await using var after = new NpgsqlConnection(postgres.AdminConnectionString + ";Pooling=false");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => after.OpenAsync(ct));
    }

    [Fact]
    public async Task Private_redis_answers_and_keeps_nothing_on_disk()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartAsync(ct);

        Assert.Equal("+PONG", await redis.CommandAsync(["PING"], ct));
        Assert.Equal("+OK", await redis.CommandAsync(["SET", "probe", "42"], ct));
        Assert.Equal("42", await redis.CommandAsync(["GET", "probe"], ct));
        Assert.Equal("save\n", await redis.CommandAsync(["CONFIG", "GET", "save"], ct));
        Assert.Equal("appendonly\nno", await redis.CommandAsync(["CONFIG", "GET", "appendonly"], ct));
        Assert.StartsWith("127.0.0.1:", redis.Configuration, StringComparison.Ordinal);
    }
}
