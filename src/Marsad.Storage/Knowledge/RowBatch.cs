using System.Data;
using System.Data.Common;
using System.Text;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// Writes many rows with few statements: one multi-row <c>VALUES</c> list per chunk (both dialects read it), so a change
/// costs a few round trips to PostgreSQL rather than one per row. A chunk stays under SQLite's variable limit.
/// </summary>
internal static class RowBatch
{
    private const int MaxVariables = 900;

    /// <summary>
    /// Runs <c>{head} VALUES (…), (…) {tail}</c> for <paramref name="rows"/>, each row's values typed by
    /// <paramref name="types"/>. Rows with the same key must be merged by the caller (an upsert touches a row once).
    /// </summary>
    public static void Insert(DbConnection connection, DbTransaction tx, string head, DbType[] types, IEnumerable<object?[]> rows, string tail = "")
    {
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxVariables / types.Length)))
        {
            using var cmd = Sql.Command(connection, tx, "");
            var sql = new StringBuilder(head).Append(" VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < types.Length; c++)
                {
                    var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@v{r}_{c}");
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                    cmd.With(name, chunk[r][c], types[c]);
                }

                sql.Append(')');
            }

            cmd.CommandText = sql.Append(' ').Append(tail).ToString();
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> with <c>{ids}</c> replaced by an IN list, chunk by chunk, with one more text parameter
    /// when <paramref name="extra"/> is given; returns the number of rows the statements changed.
    /// </summary>
    public static long ForIds(DbConnection connection, DbTransaction tx, string sql, IEnumerable<string> ids, (string Name, string Value)? extra = null)
    {
        long changed = 0;
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Sql.Chunk))
        {
            using var cmd = Sql.Command(connection, tx, "");
            cmd.CommandText = sql.Replace("{ids}", cmd.InList(chunk), StringComparison.Ordinal);
            if (extra is { } p)
            {
                cmd.With(p.Name, p.Value);
            }

            changed += cmd.ExecuteNonQuery();
        }

        return changed;
    }

    /// <summary>The sum of the single numbers <paramref name="sql"/> (a count, <c>{ids}</c> an IN list) answers chunk by chunk.</summary>
    public static long CountIds(DbConnection connection, DbTransaction tx, string sql, IEnumerable<string> ids)
    {
        long count = 0;
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Sql.Chunk))
        {
            using var cmd = Sql.Command(connection, tx, "");
            cmd.CommandText = sql.Replace("{ids}", cmd.InList(chunk), StringComparison.Ordinal);
            count += Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return count;
    }
}
