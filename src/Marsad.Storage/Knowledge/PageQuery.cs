using System.Data;
using System.Data.Common;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// One keyset-paged SELECT: the rows of <see cref="From"/> that pass every condition, in the order of
/// <see cref="Key"/> then <see cref="Id"/> (both descending, or both ascending), starting after the cursor's row. The
/// conditions on the key are written as a range (<c>key &lt;= @k AND (key &lt; @k OR id &lt; @id)</c>) so the order's
/// index both seeks to the cursor and gives the order; one row more than the limit tells whether a next page exists.
/// </summary>
internal sealed class PageQuery(string columns, string from, string? key, string id, bool descending, bool numericKey = false)
{
    private readonly List<string> _conditions = [];
    private readonly List<Action<DbCommand>> _parameters = [];

    public string? Key => key;

    /// <summary>Adds a condition with its text parameter (skipped when <paramref name="value"/> is null).</summary>
    public PageQuery Where(string condition, string name, string? value)
    {
        if (value is not null)
        {
            _conditions.Add(condition);
            _parameters.Add(cmd => cmd.With(name, value));
        }

        return this;
    }

    public Page<T> Run<T>(DbConnection connection, string? cursor, int limit, Func<DbDataReader, T> read)
    {
        var conditions = new List<string>(_conditions);
        using var cmd = Sql.Command(connection, null, "");
        foreach (var add in _parameters)
        {
            add(cmd);
        }

        if (cursor is not null)
        {
            var (k, i) = KeysetCursor.Decode(cursor);
            var op = descending ? "<" : ">";
            cmd.With("@cursor_id", i);
            if (key is null)
            {
                conditions.Add($"{id} {op} @cursor_id");
            }
            else
            {
                AddKey(cmd, k);
                conditions.Add($"{key} {op}= @cursor_key AND ({key} {op} @cursor_key OR {id} {op} @cursor_id)");
            }
        }

        var dir = descending ? "DESC" : "ASC";
        var order = key is null ? $"{id} {dir}" : $"{key} {dir}, {id} {dir}";
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        cmd.CommandText = $"SELECT {columns}, {key ?? id}, {id} FROM {from}{where} ORDER BY {order} LIMIT {limit + 1}";
        var items = new List<T>(Math.Min(limit, 64));
        string? next = null;
        string? last = null;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (items.Count == limit)
            {
                // The row after the page exists: the cursor names the page's last row.
                next = last;
                break;
            }

            items.Add(read(r));
            last = KeysetCursor.Encode(Convert.ToString(r.GetValue(r.FieldCount - 2), System.Globalization.CultureInfo.InvariantCulture)!, r.GetString(r.FieldCount - 1));
        }

        return new Page<T>(items, next);
    }

    private void AddKey(DbCommand cmd, string k)
    {
        if (!numericKey)
        {
            cmd.With("@cursor_key", k);
        }
        else if (long.TryParse(k, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            cmd.With("@cursor_key", n, DbType.Int64);
        }
        else
        {
            throw new FormatException("the cursor is not one this store gave (pass the 'next' of the previous page)");
        }
    }
}
