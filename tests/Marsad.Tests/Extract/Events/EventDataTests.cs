using Marsad.Arabic;
using Marsad.Tests.Support;

namespace Marsad.Tests.Extract.Events;

/// <summary>The event, quote and quantity data files: headers, normalized entries, no duplicates, known values.</summary>
public sealed class EventDataTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "events", "quotes", "quantities" })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Data, "ar", folder), "*.tsv").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Data, path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EntriesAreNormalizedAndUnique(string file)
    {
        var path = Path.Combine(RepoPaths.Data, file);
        var header = string.Join('\n', File.ReadLines(path).TakeWhile(l => l.StartsWith('#')));
        Assert.Contains("Source", header, StringComparison.OrdinalIgnoreCase);
        // Tables of names shown to readers keep their display forms; their keys are still matched normalized.
        Assert.True(header.Contains("Entries: normalized", StringComparison.Ordinal) || header.Contains("Entries: display forms", StringComparison.Ordinal),
            $"{file}: the header says neither 'Entries: normalized' nor 'Entries: display forms'");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvLexicon.ReadRows(path))
        {
            Assert.Equal(row[0].Normalize(System.Text.NormalizationForm.FormC), row[0]);
            Assert.Equal(ArabicNormalizer.Normalize(row[0]), row[0]);
            Assert.True(seen.Add(row[0]), $"{file}: duplicate {row[0]}");
        }
    }

    [Fact]
    public void TriggerTypesAreTheContractsTaxonomy()
    {
        var types = new HashSet<string> { "force", "attack", "airstrike", "talks", "threat", "demand", "decision", "message", "statement" };
        foreach (var row in TsvLexicon.ReadRows(Path.Combine(RepoPaths.Data, "ar", "events", "triggers.tsv")))
        {
            Assert.Contains(row[1], types);
            Assert.Contains(row[3], new[] { "verb", "passive", "present", "noun" });
        }
    }

    [Fact]
    public void WeaponsAreTheContractsVocabulary()
    {
        var weapons = new HashSet<string> { "drone", "rocket", "ballistic_missile", "missile", "ied", "aircraft", "artillery", "small_arms" };
        Assert.All(TsvLexicon.ReadRows(Path.Combine(RepoPaths.Data, "ar", "events", "weapons.tsv")), r => Assert.Contains(r[1], weapons));
    }
}
