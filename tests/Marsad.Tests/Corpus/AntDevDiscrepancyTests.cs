using System.Text.Json;
using Marsad.Corpus;
using Marsad.Model;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Corpus;

/// <summary>
/// The discrepancies of the development gold's stories, found as the reference scorer counts them: a quantity one when a
/// reported quantity discrepancy holds two of its documents, a date one when a reported date discrepancy holds all of
/// them. Each cause fixed is checked by the gold discrepancy it brought: tolls of one strike told in a city and in the
/// compass part of its country (a-x1, a-x2), a place set apart by "قبيل ساعات من" (a-x4), missiles counted in ledes
/// (a-x6), parts of one day (a-x8).
/// </summary>
public sealed class AntDevDiscrepancyTests(ITestOutputHelper output)
{
    [SharedFact]
    public void DevelopmentGoldDiscrepanciesAreFoundAcrossOutletsOnly()
    {
        var documents = AntDevDocuments.Analyze();
        var stories = AntDevDocuments.GoldStories().Select((s, i) => new Story("g" + i, "", s, null, null)).ToList();
        var found = new DiscrepancyCollector().Collect(stories, documents);
        foreach (var d in found)
        {
            output.WriteLine($"{d.Kind} {d.Subject}");
        }

        using var gold = JsonDocument.Parse(File.ReadAllText(AntDevDocuments.GoldFile));
        var golds = gold.RootElement.GetProperty("discrepancies").EnumerateArray()
            .Select(g => (Id: g.GetProperty("id").GetString()!, Kind: g.GetProperty("kind").GetString()!,
                Docs: g.GetProperty("docs").EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var hit = golds.Where(g => found.Any(d => d.Kind == g.Kind && Docs(d) is var docs
            && (g.Kind == "quantity" ? docs.Intersect(g.Docs).Count() >= 2 : g.Docs.IsSubsetOf(docs)))).Select(g => g.Id).ToList();
        output.WriteLine("found: " + string.Join(" ", hit));

        Assert.Subset(hit.ToHashSet(StringComparer.Ordinal), new HashSet<string>(["a-x1", "a-x2", "a-x3", "a-x4", "a-x5", "a-x6", "a-x7", "a-x8", "b-x1", "b-x2"], StringComparer.Ordinal));
        var outlet = documents.ToDictionary(d => d.Id, d => d.Outlet, StringComparer.Ordinal);
        Assert.All(found, d => Assert.True(d.Claims.Select(c => outlet[c.Doc]).Distinct().Count() >= 2, d.Subject));
        var matched = found.Count(d => golds.Any(g => g.Kind == d.Kind && Docs(d).Intersect(g.Docs).Count() >= Math.Min(2, g.Docs.Count)));
        Assert.True(matched >= 0.8 * found.Count, $"{matched} of {found.Count} reported discrepancies match the gold");
    }

    private static HashSet<string> Docs(Discrepancy d) => d.Claims.Select(c => c.Doc).ToHashSet(StringComparer.Ordinal);
}
