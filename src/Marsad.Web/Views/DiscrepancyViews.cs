using System.Text.Json;
using Marsad.Knowledge;
using Marsad.Web.Api;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>A discrepancy with each source's claim (and its outlet), and the marks its claims put on a source's text.</summary>
internal static class DiscrepancyViews
{
    /// <summary>A page of discrepancies: the outlets of the documents their claims come from are read in one go.</summary>
    public static List<DiscrepancyView> Of(IEnumerable<DiscrepancyRecord> records, ReadCache cache)
    {
        var parsed = records.Select(r => (Record: r, Json: Parse(r.Json))).ToList();
        cache.Prefetch([], parsed.SelectMany(p => Array(p.Json, "claims").Select(c => Str(c, "doc") ?? "")), []);
        return [.. parsed.Select(p => Of(p.Record, p.Json, cache))];
    }

    private static DiscrepancyView Of(DiscrepancyRecord record, JsonElement x, ReadCache cache)
    {
        var claims = Array(x, "claims").Select(c =>
        {
            var doc = Str(c, "doc") ?? "";
            var (start, end) = (Int(c, "start"), Int(c, "end"));

            // A claim without a span (0..0) is found by its text when highlighted.
            var spanned = start is { } s && end is { } e && e > s;
            return new ClaimView(doc, cache.Summary(doc)?.Outlet, Str(c, "text") ?? "", Str(c, "value") ?? "", spanned ? start : null, spanned ? end : null);
        }).ToList();
        return new DiscrepancyView(record.Id, record.Kind, Str(x, "subject") ?? "", [record.Story], claims);
    }

    /// <summary>The claims of <paramref name="discrepancies"/> made in <paramref name="doc"/>, as marks on its text.</summary>
    public static List<Highlight> Claims(DocumentText doc, IEnumerable<DiscrepancyView> discrepancies)
    {
        var list = new List<Highlight>();
        foreach (var d in discrepancies)
        {
            foreach (var c in d.Claims.Where(c => c.Doc == doc.Summary.Id))
            {
                var (start, end) = c.Start is { } s && c.End is { } e ? (s, e) : Find(doc.Text, c.Text);
                if (start >= 0 && end <= doc.Text.Length && end > start)
                {
                    list.Add(new Highlight(start, end, "discrepancy-" + d.Kind, d.Subject + ": " + c.Value, null));
                }
            }
        }

        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return list;
    }

    private static (int, int) Find(string text, string claim)
    {
        var at = claim.Length == 0 ? -1 : text.IndexOf(claim, StringComparison.Ordinal);
        return at < 0 ? (-1, -1) : (at, at + claim.Length);
    }
}
