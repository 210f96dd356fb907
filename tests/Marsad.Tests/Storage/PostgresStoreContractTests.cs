using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests.Storage;

/// <summary>The store contract on PostgreSQL (<c>MARSAD_TEST_PG</c>), each test in its own schema.</summary>
public sealed class PostgresStoreContractTests : DocumentStoreContract
{
    private PostgresTestDatabase? _database;

    protected override IDocumentStore OpenStore()
    {
        _database ??= PostgresTestDatabase.Create();
        return StoreFactory.Open(_database.ConnectionString);
    }

    protected override IDocumentStore ReopenStore() => StoreFactory.Open(_database!.ConnectionString);

    public override void Dispose()
    {
        _database?.Dispose();
        base.Dispose();
    }
}
