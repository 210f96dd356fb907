using Marsad.Arabic;
using Marsad.Extract.Actors;
using Marsad.Extract.Places;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Extract.Places;

/// <summary>
/// The seeds' gold place mentions, found in the raw text by the lexicon finder and resolved by the linker:
/// at least 90% must land within 30 km of the gold point (400 km for countries and country-sized areas).
/// </summary>
public sealed class SeedPlacesTests(ITestOutputHelper output)
{
    [SharedFact]
    public void GoldPlacesAreFoundAndGeocodedWithinTolerance()
    {
        var ok = 0;
        var total = 0;
        foreach (var doc in SeedGold.Load())
        {
            var found = ActorMentionFinder.Default.Find(doc.Text);
            var linked = ActorLinker.Default.Link(doc.Text, found, doc.Date);
            foreach (var g in doc.Places)
            {
                if (g.Lat is null || g.Lon is null)
                {
                    continue;
                }

                total++;
                var hit = linked.FirstOrDefault(l => l.Mention.Span.Overlaps(g.Span));
                var limit = IsCountrySized(g.Canonical) ? 400 : 30;
                if (hit?.Place is { } p && GeoDistance.Km(p.Lat, p.Lon, g.Lat.Value, g.Lon.Value) <= limit)
                {
                    ok++;
                }
                else
                {
                    output.WriteLine($"miss {doc.Id} '{g.Text}' ({g.Canonical}) -> {hit?.Mention.Text ?? "not found"} {hit?.Place?.Id} {hit?.Place?.NameEn}");
                }
            }
        }

        var accuracy = (double)ok / total;
        output.WriteLine($"places: {ok}/{total} = {accuracy:F3}");
        Assert.True(accuracy >= 0.90, $"place accuracy {accuracy:F3} < 0.90");
    }

    [SharedFact]
    public void GoldMentionsLinkedAsATaggerWouldGiveThemAreGeocodedWithinTolerance()
    {
        var ok = 0;
        var total = 0;
        var refsByCanonical = new Dictionary<string, HashSet<string>>();
        foreach (var doc in SeedGold.Load())
        {
            var mentions = doc.Entities.Select(g => new EntityMention(g.Text, g.Span, g.Type)).ToList();
            var linked = ActorLinker.Default.Link(doc.Text, mentions, doc.Date);
            for (var i = 0; i < mentions.Count; i++)
            {
                var canonical = doc.Entities[i].Canonical;
                if (canonical.Length > 0)
                {
                    if (!refsByCanonical.TryGetValue(canonical, out var refs))
                    {
                        refsByCanonical[canonical] = refs = [];
                    }

                    refs.Add(linked[i].Ref);
                }
            }

            foreach (var g in doc.Places.Where(p => p.Lat is not null))
            {
                total++;
                var hit = linked.FirstOrDefault(l => l.Mention.Span.Overlaps(g.Span));
                var limit = IsCountrySized(g.Canonical) ? 400 : 30;
                if (hit?.Place is { } p && GeoDistance.Km(p.Lat, p.Lon, g.Lat!.Value, g.Lon!.Value) <= limit)
                {
                    ok++;
                }
                else
                {
                    output.WriteLine($"miss {doc.Id} '{g.Text}' ({g.Canonical}) -> {hit?.Ref} {hit?.Place?.NameEn}");
                }
            }
        }

        var single = refsByCanonical.Count(kv => kv.Value.Count == 1);
        foreach (var (canonical, refs) in refsByCanonical.Where(kv => kv.Value.Count > 1))
        {
            output.WriteLine($"split {canonical}: {string.Join(", ", refs)}");
        }

        var accuracy = (double)ok / total;
        output.WriteLine($"places from gold mentions: {ok}/{total} = {accuracy:F3}; entities with one ref: {single}/{refsByCanonical.Count}");
        Assert.True(accuracy >= 0.90, $"place accuracy {accuracy:F3} < 0.90");
    }

    [SharedFact]
    public void ReportsLexiconFinderEntityRecall()
    {
        var tp = 0;
        var gold = 0;
        var found = 0;
        foreach (var doc in SeedGold.Load())
        {
            var mentions = ActorMentionFinder.Default.Find(doc.Text);
            found += mentions.Count;
            var used = new HashSet<int>();
            foreach (var g in doc.Entities)
            {
                gold++;
                var j = -1;
                for (var k = 0; k < mentions.Count; k++)
                {
                    if (!used.Contains(k) && mentions[k].Span.Overlaps(g.Span) && SameType(g.Type, mentions[k].Type) && Overlap(g.Text, mentions[k].Text))
                    {
                        j = k;
                        break;
                    }
                }

                if (j >= 0)
                {
                    used.Add(j);
                    tp++;
                }
                else
                {
                    output.WriteLine($"missed {g.Type} '{g.Text}'");
                }
            }

            for (var k = 0; k < mentions.Count; k++)
            {
                if (!used.Contains(k) && !doc.Entities.Any(g => g.Span.Overlaps(mentions[k].Span)))
                {
                    output.WriteLine($"extra {mentions[k].Type} '{mentions[k].Text}'");
                }
            }
        }

        var recall = (double)tp / gold;
        var precision = found == 0 ? 0 : (double)tp / found;
        output.WriteLine($"lexicon finder: recall {recall:F3} ({tp}/{gold}), precision {precision:F3} ({tp}/{found})");
        Assert.True(recall > 0.5, $"lexicon finder recall {recall:F3}");
    }

    private static bool SameType(string gold, string system) => gold == system || (gold is "GPE" or "LOC" && system is "GPE" or "LOC");

    private static bool Overlap(string a, string b)
    {
        var x = ArabicNormalizer.Normalize(a);
        var y = ArabicNormalizer.Normalize(b);
        if (x.StartsWith("لل", StringComparison.Ordinal))
        {
            x = "ال" + x[2..];
        }

        if (y.StartsWith("لل", StringComparison.Ordinal))
        {
            y = "ال" + y[2..];
        }

        return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }

    private static bool IsCountrySized(string canonical) =>
        Gazetteer.Default.Places.Any(p => p.NameEn == canonical && (p.IsCountry || p.Kind is "territory" or "continent"));
}
