using System.Data.Common;
using Marsad.Storage;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests.Storage;

/// <summary>The knowledge base contract on SQLite, in a temporary folder.</summary>
public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreContract
{
    private readonly Support.TempDir _dir = new();

    private string DbPath => _dir.File("marsad.db");

    protected override string TimestampType => "TEXT";

    protected override IKnowledgeStore OpenStore() => StoreFactory.Open(DbPath);

    protected override DbConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public override void Dispose()
    {
        _dir.Dispose();
        base.Dispose();
    }
}
