using System.Data.Common;
using Marsad.Storage;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests.Storage;

/// <summary>The store contract (documents and knowledge) on SQLite, in a temporary folder.</summary>
public sealed class SqliteStoreContractTests : KnowledgeStoreContract
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-contract-").FullName;

    private string DbPath => Path.Combine(_dir, "marsad.db");

    protected override string TimestampType => "TEXT";

    protected override string StoreArgument => DbPath;

    protected override IKnowledgeStore OpenStore() => StoreFactory.Open(DbPath);

    protected override IDocumentStore ReopenStore() => StoreFactory.Open(DbPath);

    protected override DbConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        base.Dispose();
    }
}
