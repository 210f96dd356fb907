using System.Text.Json.Nodes;
using Marsad.Extract.Places;

namespace Marsad.Evaluation;

/// <summary>
/// Scores the analysis's <c>events</c> against the gold's, as score.py does: each gold event, in order, takes the first
/// unused system event of the same type that has a mention in one of the gold event's documents, a date the gold
/// accepts (<see cref="DateOk"/>) and, when the gold gives coordinates, a place entity within 50 km of them. A gold
/// event found counts a true positive; one not found a miss unless it is optional; every system event left unused
/// is a false positive.
/// </summary>
public static class EventEvaluator
{
    private const double MaxKm = 50;

    public static void Score(JsonNode analysis, JsonNode gold, EvalReport report)
    {
        var entities = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var e in analysis["entities"]?.AsArray() ?? [])
        {
            if (e?["id"]?.GetValue<string>() is { } id)
            {
                entities[id] = e;
            }
        }

        var system = (analysis["events"]?.AsArray() ?? []).OfType<JsonNode>().ToList();
        var used = new HashSet<int>();
        int tp = 0, fn = 0;
        foreach (var g in (gold["events"]?.AsArray() ?? []).OfType<JsonNode>())
        {
            var docs = (g["docs"]?.AsArray() ?? []).Select(d => d?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            int? hit = null;
            for (var j = 0; j < system.Count && hit is null; j++)
            {
                var s = system[j];
                if (used.Contains(j) || Str(s["type"]) != Str(g["type"])
                    || !(s["mentions"]?.AsArray() ?? []).Any(m => docs.Contains(Str(m?["doc"])))
                    || !DateOk(g, Str(s["date"])))
                {
                    continue;
                }

                if (Num(g["lat"]) is { } glat && Num(g["lon"]) is { } glon)
                {
                    var place = Str(s["place"]);
                    if (place is null || !entities.TryGetValue(place, out var e) || Num(e["lat"]) is not { } lat || Num(e["lon"]) is not { } lon
                        || GeoDistance.Km(lat, lon, glat, glon) > MaxKm)
                    {
                        continue;
                    }
                }

                hit = j;
            }

            if (hit is { } h)
            {
                used.Add(h);
                tp++;
            }
            else if (g["optional"] is not JsonValue v || !v.TryGetValue<bool>(out var optional) || !optional)
            {
                fn++;
            }
        }

        var (f, p, r) = AnalysisEvaluator.F1(tp, system.Count - used.Count, fn);
        report.Add("events_f1", f);
        report.Add("events_p", p);
        report.Add("events_r", r);
    }

    /// <summary>
    /// score.py <c>date_ok</c>: a null date only when the gold has none or accepts null; a day within the gold's
    /// <c>date_range</c> (or equal to its date); a coarser date equal to the gold's, or a month (or longer) prefix of
    /// the range's start.
    /// </summary>
    public static bool DateOk(JsonNode gold, string? date)
    {
        if (date is null)
        {
            return Str(gold["date"]) is null || (gold["accept_null"] is JsonValue a && a.TryGetValue<bool>(out var b) && b);
        }

        var range = gold["date_range"]?.AsArray();
        var lo = range is { Count: 2 } ? Str(range[0]) : Str(gold["date"]);
        var hi = range is { Count: 2 } ? Str(range[1]) : Str(gold["date"]);
        if (lo is null || hi is null)
        {
            return false;
        }

        if (date.Length == 10 && lo.Length == 10)
        {
            return string.CompareOrdinal(lo, date) <= 0 && string.CompareOrdinal(date, hi) <= 0;
        }

        return date == Str(gold["date"]) || (lo.Length >= date.Length && lo.StartsWith(date, StringComparison.Ordinal) && date.Length >= 7);
    }

    private static string? Str(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static double? Num(JsonNode? n) =>
        n is JsonValue v && double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
}
