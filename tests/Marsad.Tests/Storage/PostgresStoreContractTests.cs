using System.Data.Common;
using Marsad.Storage;
using Marsad.Tests.Support;
using Npgsql;

namespace Marsad.Tests.Storage;

/// <summary>The store contract (documents and knowledge) on PostgreSQL (<c>MARSAD_TEST_PG</c>), each test in its own schema.</summary>
public sealed class PostgresStoreContractTests : KnowledgeStoreContract
{
    private PostgresTestDatabase? _database;

    private PostgresTestDatabase Database => _database ??= PostgresTestDatabase.Create();

    protected override string TimestampType => "TIMESTAMPTZ";

    protected override string StoreArgument => Database.ConnectionString;

    protected override IKnowledgeStore OpenStore() => StoreFactory.Open(Database.ConnectionString);

    protected override IDocumentStore ReopenStore() => StoreFactory.Open(_database!.ConnectionString);

    protected override DbConnection OpenRaw()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        connection.Open();
        return connection;
    }

    public override void Dispose()
    {
        _database?.Dispose();
        base.Dispose();
    }
}
