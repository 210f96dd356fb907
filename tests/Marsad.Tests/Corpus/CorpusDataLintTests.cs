using Marsad.Arabic;
using Marsad.Tests.Support;

namespace Marsad.Tests.Corpus;

/// <summary>The data files under data/corpus/: a header with source and licence, no duplicate keys, normalized entries where they say so.</summary>
public sealed class CorpusDataLintTests
{
    [Theory]
    [InlineData("stopwords.tsv")]
    // actor-designations.tsv repeats a generic term per country: DataLintTests checks it with its declared key columns.
    public void FileHasHeaderAndNoDuplicates(string name)
    {
        var path = Path.Combine(RepoPaths.Data, "corpus", name);
        var header = File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains(header, l => l.Contains("Source", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(header, l => l.Contains("Entries:", StringComparison.Ordinal));
        var keys = TsvLexicon.ReadRows(path).Select(r => r[0]).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("stopwords.tsv")]
    public void NormalizedEntriesAreFixedPointsOfTheNormalizer(string name)
    {
        foreach (var row in TsvLexicon.ReadRows(Path.Combine(RepoPaths.Data, "corpus", name)))
        {
            Assert.Equal(row[0], ArabicNormalizer.Normalize(row[0]));
        }
    }
}
