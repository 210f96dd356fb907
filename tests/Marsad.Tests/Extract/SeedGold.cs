using System.Text.Json;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Extract;

/// <summary>
/// Reads the seeds' gold annotations from ../shared: per document, the raw text and the entity or place mentions
/// located the way the reference scorer does (the occ-th occurrence of the mention text), leaving out mentions in
/// captions and boilerplate.
/// </summary>
internal static class SeedGold
{
    public sealed record Mention(string Text, TextSpan Span, string Type, string Canonical, string? Country, double? Lat, double? Lon);

    public sealed record Doc(string Id, string Text, DateOnly? Date, IReadOnlyList<Mention> Entities, IReadOnlyList<Mention> Places);

    public static IReadOnlyList<Doc> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.GoldFile));
        var docs = new List<Doc>();
        foreach (var d in json.RootElement.GetProperty("documents").EnumerateObject())
        {
            var text = File.ReadAllText(Path.Combine(SharedData.SeedsDir, d.Name + ".txt"));
            DateOnly? date = d.Value.TryGetProperty("dct", out var dct) && dct.ValueKind == JsonValueKind.String && DateOnly.TryParse(dct.GetString()![..Math.Min(10, dct.GetString()!.Length)], out var dd) ? dd : null;
            docs.Add(new Doc(d.Name, text, date, Read(d.Value, "entities", text), Read(d.Value, "places", text)));
        }

        return docs;
    }

    private static List<Mention> Read(JsonElement doc, string key, string text)
    {
        var list = new List<Mention>();
        if (!doc.TryGetProperty(key, out var arr))
        {
            return list;
        }

        foreach (var m in arr.EnumerateArray())
        {
            if (Flag(m, "in_caption") || Flag(m, "in_boilerplate"))
            {
                continue;
            }

            var t = m.GetProperty("text").GetString()!;
            var occ = m.TryGetProperty("occ", out var o) ? o.GetInt32() : 0;
            var pos = -1;
            for (var k = 0; k <= occ; k++)
            {
                pos = text.IndexOf(t, pos + 1, StringComparison.Ordinal);
                if (pos < 0)
                {
                    break;
                }
            }

            if (pos < 0)
            {
                continue;
            }

            list.Add(new Mention(t, new TextSpan(pos, pos + t.Length), m.TryGetProperty("type", out var ty) ? ty.GetString() ?? "" : "",
                m.TryGetProperty("canonical", out var c) ? c.GetString() ?? "" : "",
                m.TryGetProperty("country", out var cc) ? cc.GetString() : null,
                m.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number ? lat.GetDouble() : null,
                m.TryGetProperty("lon", out var lon) && lon.ValueKind == JsonValueKind.Number ? lon.GetDouble() : null));
        }

        return list;
    }

    private static bool Flag(JsonElement m, string name) => m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
