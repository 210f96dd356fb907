using System.Data.Common;
using Marsad.Storage;
using Marsad.Tests.Support;
using Npgsql;

namespace Marsad.Tests.Storage;

/// <summary>The knowledge base contract on PostgreSQL (<c>MARSAD_TEST_PG</c>), each test in its own schema.</summary>
public sealed class PostgresKnowledgeStoreTests : KnowledgeStoreContract
{
    private PostgresTestDatabase? _database;

    protected override string TimestampType => "TIMESTAMPTZ";

    protected override IKnowledgeStore OpenStore() => StoreFactory.Open(Database.ConnectionString);

    protected override DbConnection OpenRaw()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        connection.Open();
        return connection;
    }

    private PostgresTestDatabase Database => _database ??= PostgresTestDatabase.Create();

    public override void Dispose()
    {
        _database?.Dispose();
        base.Dispose();
    }
}
