using System.Data.Common;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// The trend counts of <see cref="IKnowledgeReader.Trend"/>: one GROUP BY over the index that already orders the kind
/// (events by day, an actor's events, documents by outlet and day), its top keys picked inside the same statement; the
/// whole store's outlets from the counts kept by outlet and day (<see cref="OutletDays"/>).
/// </summary>
public abstract partial class KnowledgeStore
{
    public IReadOnlyList<TrendCount> Trend(TrendDimension dimension, KnowledgeQuery query, int keys) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, "");
        var conditions = new List<string>();
        void Where(string condition, string name, string? value)
        {
            if (value is not null)
            {
                conditions.Add(condition);
                cmd.With(name, value);
            }
        }

        string from, day, key;
        var weight = "1";
        var dated = "";
        if (dimension == TrendDimension.Outlet && query.Story is null && query.Actor is null)
        {
            // Over the whole store (or an outlet, a date range): the counts kept by outlet and day.
            (from, day, key, weight, dated) = ("outlet_days d", "d.day", "d.outlet", "d.documents", "d.day");
            conditions.Add("d.documents > 0");
            Where("d.outlet = @outlet", "@outlet", query.Outlet);
        }
        else if (dimension == TrendDimension.Outlet)
        {
            // "outlet > ''" makes the outlet's index (outlet, day, id) the one walked, not the documents' rows.
            (from, day, key) = ("documents d", $"SUBSTR({DocumentDay}, 1, 10)", "d.outlet");
            conditions.Add("d.outlet > ''");
            Where("d.story_id = @story", "@story", StoryFilter(c, query));
            Where("d.outlet = @outlet", "@outlet", query.Outlet);
            Where("d.id IN (SELECT m.doc_id FROM entity_mentions m WHERE m.entity_id = @actor)", "@actor", query.Actor);
        }
        else
        {
            (from, day, key) = dimension switch
            {
                TrendDimension.Actor => ("event_actors x JOIN events e ON e.id = x.event_id", "x.day", "x.entity_id"),
                TrendDimension.Place => ("events e", "e.day", "e.place"),
                _ => ("events e", "e.day", "e.type"),
            };

            // An outlet's trend walks the outlet's events (its index), not every event asking each for the outlet.
            if (query.Outlet is not null)
            {
                from = "event_outlets o JOIN " + (dimension == TrendDimension.Actor
                    ? "event_actors x ON x.event_id = o.event_id JOIN events e ON e.id = x.event_id"
                    : "events e ON e.id = o.event_id");
                Where("o.outlet = @outlet", "@outlet", query.Outlet);
            }

            if (dimension == TrendDimension.Place)
            {
                conditions.Add("e.place > ''");
            }

            Where("e.story_id = @story", "@story", StoryFilter(c, query));
            Where("e.country = @country", "@country", query.Country);
            Where("e.type = @type", "@type", query.Type);
            Where("EXISTS (SELECT 1 FROM event_actors a WHERE a.entity_id = @actor AND a.day = e.day AND a.event_id = e.id)", "@actor", query.Actor);
        }

        // Undated rows have no place on a time axis. The test is kept off the index ("|| ''"): as a range on the day it
        // would make the planner walk the order's index and look up every row, where the key's index holds both columns.
        dated = dated.Length > 0 ? dated : dimension == TrendDimension.Outlet ? DocumentDay : day;
        conditions.Add($"{dated} || '' > ''");
        Where($"{dated} >= @from", "@from", query.From);
        Where($"{dated} <= @to", "@to", query.To);
        cmd.With("@keys", Math.Clamp(keys, 1, 100));
        // The top keys are worked out once (MATERIALIZED): left to the planner, SQLite may read them as a co-routine
        // inside the loop over the rows, which runs the whole grouping again for every row.
        cmd.CommandText = $"""
            WITH x AS (SELECT {day} AS day, {key} AS k, {weight} AS n FROM {from} WHERE {string.Join(" AND ", conditions)}),
            top_keys AS MATERIALIZED (SELECT k FROM x GROUP BY k ORDER BY SUM(n) DESC, k LIMIT @keys)
            SELECT x.day, x.k, SUM(x.n) FROM x JOIN top_keys t ON t.k = x.k GROUP BY x.day, x.k ORDER BY x.day, x.k
            """;
        return List(cmd, r => new TrendCount(r.GetString(0), r.GetString(1), r.Int(2)));
    });
}
