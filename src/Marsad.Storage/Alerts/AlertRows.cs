using System.Data.Common;
using Marsad.Monitoring;
using Marsad.Storage.Knowledge;

namespace Marsad.Storage.Alerts;

/// <summary>Reads alerts with their sources: the alert rows of one query, then the sources of all of them in one more.</summary>
internal static class AlertRows
{
    public const string Columns = "a.id, a.watchlist_id, a.subject, a.kind, a.story_id, a.event_id, a.title, a.quote, a.seq, a.created_at, a.updated_at";

    /// <summary>An alert row of <see cref="Columns"/>, its sources still to be filled.</summary>
    public static StoredAlert Row(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableString(4), r.NullableString(5), r.GetString(6), r.GetString(7),
        [], Convert.ToInt64(r.GetValue(8), System.Globalization.CultureInfo.InvariantCulture), r.GetString(9), r.GetString(10));

    /// <summary>The alerts of <paramref name="ids"/> in that order (an unknown id is left out), with their sources.</summary>
    public static List<StoredAlert> Read(DbConnection c, DbTransaction? tx, IReadOnlyList<string> ids)
    {
        var rows = new Dictionary<string, StoredAlert>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Sql.Chunk))
        {
            using var cmd = Sql.Command(c, tx, "");
            cmd.CommandText = $"SELECT {Columns} FROM alerts a WHERE a.id IN ({cmd.InList(chunk)})";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var row = Row(r);
                rows[row.Id] = row;
            }
        }

        return WithSources(c, tx, [.. ids.Where(rows.ContainsKey).Select(id => rows[id])]);
    }

    /// <summary>The alerts given, each with its sources in the order they came.</summary>
    public static List<StoredAlert> WithSources(DbConnection c, DbTransaction? tx, IReadOnlyList<StoredAlert> alerts)
    {
        var sources = new Dictionary<string, List<(int Position, AlertSource Source)>>(StringComparer.Ordinal);
        foreach (var chunk in alerts.Select(a => a.Id).Distinct(StringComparer.Ordinal).Chunk(Sql.Chunk))
        {
            using var cmd = Sql.Command(c, tx, "");
            cmd.CommandText = $"SELECT alert_id, position, doc_id, outlet, url, title, published, quote FROM alert_sources WHERE alert_id IN ({cmd.InList(chunk)})";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!sources.TryGetValue(r.GetString(0), out var list))
                {
                    sources[r.GetString(0)] = list = [];
                }

                list.Add((r.Int(1), new AlertSource(r.GetString(2), r.NullableString(3), r.NullableString(4), r.NullableString(5), r.NullableString(6), r.GetString(7))));
            }
        }

        return [.. alerts.Select(a => a with
        {
            Sources = [.. (sources.GetValueOrDefault(a.Id) ?? []).OrderBy(s => s.Position).Select(s => s.Source)],
        })];
    }
}
