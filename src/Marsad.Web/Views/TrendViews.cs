using System.Globalization;
using Marsad.Storage.Knowledge;
using Marsad.Web.Api;

namespace Marsad.Web.Views;

/// <summary>
/// A trend as charts draw it: the store's per-day counts rolled into days or weeks, every period between the first and
/// the last present (a quiet day is a zero, not a gap), and entity ids named.
/// </summary>
internal static class TrendViews
{
    public const int MaxKeys = 12;

    // A chart of more bars than this is unreadable: a long span is drawn by weeks.
    private const int MaxDays = 120;

    public static TrendView Of(ReadCache cache, KnowledgeQuery query, string? dimension, string? bucket, int? keys)
    {
        var dim = dimension switch
        {
            null or "" or "type" => TrendDimension.EventType,
            "actor" => TrendDimension.Actor,
            "place" => TrendDimension.Place,
            "outlet" => TrendDimension.Outlet,
            _ => throw new FormatException($"dimension: '{dimension}' is not type, actor, place or outlet"),
        };
        var counts = cache.Reader.Trend(dim, query, Math.Clamp(keys ?? 6, 1, MaxKeys));
        var days = counts.Select(c => Day(c.Day)).OfType<DateOnly>().ToList();
        var first = days.Count == 0 ? default : days.Min();
        var last = days.Count == 0 ? default : days.Max();
        var weekly = bucket switch
        {
            null or "" => last.DayNumber - first.DayNumber > MaxDays,
            "day" => false,
            "week" => true,
            _ => throw new FormatException($"bucket: '{bucket}' is not day or week"),
        };
        DateOnly Period(DateOnly d) => weekly ? d.AddDays(-(((int)d.DayOfWeek + 6) % 7)) : d;

        var periods = new List<string>();
        var index = new Dictionary<DateOnly, int>();
        if (days.Count > 0)
        {
            for (var p = Period(first); p <= last; p = p.AddDays(weekly ? 7 : 1))
            {
                index[p] = periods.Count;
                periods.Add(p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        var names = dim is TrendDimension.Actor or TrendDimension.Place
            ? cache.Reader.EntityRows([.. counts.Select(c => c.Key).Distinct(StringComparer.Ordinal)]).ToDictionary(e => e.Entity.Id, e => e.Entity.Name, StringComparer.Ordinal)
            : [];
        var series = counts.GroupBy(c => c.Key, StringComparer.Ordinal).Select(g =>
        {
            var values = new int[periods.Count];
            foreach (var c in g)
            {
                if (Day(c.Day) is { } d)
                {
                    values[index[Period(d)]] += c.Count;
                }
            }

            return new TrendSeries(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, values.Sum(), values);
        }).OrderByDescending(s => s.Total).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var name = dim switch
        {
            TrendDimension.Actor => "actor",
            TrendDimension.Place => "place",
            TrendDimension.Outlet => "outlet",
            _ => "type",
        };
        return new TrendView(name, weekly ? "week" : "day", periods, series);
    }

    private static DateOnly? Day(string day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
