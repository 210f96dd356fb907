using Marsad.Storage;

namespace Marsad.Tests.Storage;

/// <summary>The store contract on SQLite, in a temporary folder.</summary>
public sealed class SqliteStoreContractTests : DocumentStoreContract
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-contract-").FullName;

    private string DbPath => Path.Combine(_dir, "marsad.db");

    protected override IDocumentStore OpenStore() => StoreFactory.Open(DbPath);

    protected override IDocumentStore ReopenStore() => StoreFactory.Open(DbPath);

    public override void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        base.Dispose();
    }
}
