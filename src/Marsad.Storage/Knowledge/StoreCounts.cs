using System.Data.Common;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// The totals the store reports (<see cref="IKnowledgeReader.Stats"/>, <see cref="IDocumentStore.Count"/>), kept as
/// counters in the <c>counts</c> table and moved in the transaction of each write that changes them, so reading them
/// costs one small read whatever the size of the store (a COUNT(*) grows with it). A writer gathers its differences in
/// a <see cref="StoreCounts"/> and writes them once, at the end of its transaction (<see cref="Write"/>); every writer
/// holds the <c>knowledge_state</c> row first, so counters are always taken in the same order and never deadlock.
/// </summary>
internal sealed class StoreCounts
{
    public const string Documents = "documents";

    /// <summary>Documents stored but not yet connected into the knowledge base (<c>documents.connected = 0</c>).</summary>
    public const string Unconnected = "unconnected";

    public const string Stories = "stories";

    public const string Events = "events";

    public const string Entities = "entities";

    public const string Discrepancies = "discrepancies";

    public const string Duplicates = "duplicates";

    private readonly SortedDictionary<string, long> _changes = new(StringComparer.Ordinal);

    public void Add(string name, long difference)
    {
        if (difference != 0)
        {
            _changes[name] = _changes.GetValueOrDefault(name) + difference;
        }
    }

    /// <summary>
    /// One document saved (inserted, or replacing the row it had): <paramref name="existed"/> whether a row was there,
    /// <paramref name="wasConnected"/> whether it was connected, <paramref name="staysConnected"/> whether the save keeps
    /// it connected (same text and engine); a new document always starts unconnected.
    /// </summary>
    public void DocumentSaved(bool existed, bool wasConnected, bool staysConnected)
    {
        Add(Documents, existed ? 0 : 1);
        var before = existed && !wasConnected ? 1 : 0;
        var after = existed && wasConnected && staysConnected ? 0 : 1;
        Add(Unconnected, after - before);
    }

    /// <summary>Writes the differences gathered (one statement per counter that moved) inside the caller's transaction.</summary>
    public void Write(DbConnection connection, DbTransaction tx)
    {
        foreach (var (name, difference) in _changes)
        {
            using var cmd = Sql.Command(connection, tx, "UPDATE counts SET value = value + @difference WHERE name = @name")
                .With("@name", name).With("@difference", difference);
            cmd.ExecuteNonQuery();
        }

        _changes.Clear();
    }

    /// <summary>Every counter by name: one read of a few rows.</summary>
    public static Dictionary<string, long> Read(DbConnection connection, DbTransaction? tx)
    {
        using var cmd = Sql.Command(connection, tx, "SELECT name, value FROM counts");
        using var r = cmd.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (r.Read())
        {
            counts[r.GetString(0)] = Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>One counter.</summary>
    public static long Read(DbConnection connection, DbTransaction? tx, string name)
    {
        using var cmd = Sql.Command(connection, tx, "SELECT value FROM counts WHERE name = @name").With("@name", name);
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
