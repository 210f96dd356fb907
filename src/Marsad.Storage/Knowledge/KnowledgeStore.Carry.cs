using System.Data;
using System.Globalization;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// Whole rows of the tables a re-analysis carries into its shadow store as they are (<see cref="ShadowCarry"/>): read
/// a page at a time in key order, written back with an upsert, the same SQL on both stores.
/// </summary>
public abstract partial class KnowledgeStore
{
    /// <summary>At most <paramref name="limit"/> rows of <paramref name="table"/> after the key <paramref name="after"/> (from the start when null), in key order.</summary>
    internal IReadOnlyList<object?[]> CarriedRows(CarriedTable table, string? after, int limit) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, "");
        var where = after is null ? "" : $" WHERE {table.Key} > @after";
        cmd.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(x => x.Name))} FROM {table.Name}{where} ORDER BY {table.Key} LIMIT @limit";
        cmd.With("@after", after).With("@limit", Math.Max(1, limit));
        return List(cmd, r =>
        {
            var row = new object?[table.Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = r.IsDBNull(i) ? null : table.Columns[i].Type switch
                {
                    DbType.Int32 => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture),
                    DbType.Int64 => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture),
                    _ => r.GetString(i),
                };
            }

            return row;
        });
    });

    /// <summary>Writes <paramref name="rows"/> (read by <see cref="CarriedRows"/> from another store) over the rows of the same keys, in one transaction.</summary>
    internal void CarryRows(CarriedTable table, IReadOnlyList<object?[]> rows) => Write((c, tx) =>
    {
        var names = table.Columns.Select(x => x.Name).ToList();
        var updates = string.Join(", ", names.Where(n => n != table.Key).Select(n => $"{n} = excluded.{n}"));
        RowBatch.Insert(c, tx, $"INSERT INTO {table.Name} ({string.Join(", ", names)})", [.. table.Columns.Select(x => x.Type)], rows,
            $"ON CONFLICT ({table.Key}) DO UPDATE SET {updates}");
    });
}

/// <summary>A table carried whole into a shadow store: its name, its one-column text key, and its columns with their types.</summary>
internal sealed record CarriedTable(string Name, string Key, IReadOnlyList<(string Name, DbType Type)> Columns);
