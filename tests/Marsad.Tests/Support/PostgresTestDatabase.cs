using Npgsql;

namespace Marsad.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL schema for one test, on the server named by <c>MARSAD_TEST_PG</c> (an Npgsql connection
/// string; <c>.ci/postgres.sh</c> starts a server and prints it). Without the variable the test is skipped with the
/// reason on a user's machine and fails under CI=true, where the server is part of the job.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public const string Variable = "MARSAD_TEST_PG";

    private readonly string _admin;

    private PostgresTestDatabase(string admin, string schema)
    {
        _admin = admin;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ConnectionString;
    }

    public string Schema { get; }

    /// <summary>The server's connection string with the search path set to this test's schema.</summary>
    public string ConnectionString { get; }

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null;

    /// <summary>Creates a fresh schema, or skips the calling test (see the class summary).</summary>
    public static PostgresTestDatabase Create()
    {
        var server = Server;
        if (server is null)
        {
            if (SharedData.IsCi)
            {
                throw new InvalidOperationException($"{Variable} is not set: CI must start PostgreSQL with .ci/postgres.sh and export it");
            }

            Skip.If(true, $"{Variable} is not set; run .ci/postgres.sh (or point it at a PostgreSQL server) to run the PostgreSQL tests");
        }

        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        cmd.ExecuteNonQuery();
        return new PostgresTestDatabase(server!, schema);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        cmd.ExecuteNonQuery();
    }
}
