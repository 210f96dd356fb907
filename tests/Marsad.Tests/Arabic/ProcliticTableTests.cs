using Marsad.Arabic;

namespace Marsad.Tests.Arabic;

public sealed class ProcliticTableTests
{
    private static readonly ProcliticTable Table = ProcliticTable.Default;

    [Fact]
    public void OneLetterProcliticsOfNounsAreTheConjunctionsAndPrepositions() => Assert.Equal("بفكلو", Table.Letters);

    [Fact]
    public void FutureParticleBeginsNoNoun()
    {
        Assert.False(Table.IsLetter('س'));
        Assert.DoesNotContain(Table.NounSequences, p => p.Prefix.Contains('س'));
    }

    [Fact]
    public void PrepositionSequencesAreWhatANameCarries() =>
        Assert.Equal(
            new[] { "ولل", "فلل", "لل", "وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل" }.Order(StringComparer.Ordinal),
            Table.PrepositionSequences.Select(p => p.Prefix).Order(StringComparer.Ordinal));

    [Fact]
    public void FusedPrepositionGivesTheArticleBack()
    {
        var fused = Assert.Single(Table.PrepositionSequences, p => p.Prefix == "لل");

        Assert.Equal("ال", fused.Restores);
        Assert.True(fused.HasArticle);
    }

    [Fact]
    public void NounSequencesHoldTheArticleButNeverLamAlef()
    {
        var prefixes = Table.NounSequences.Select(p => p.Prefix).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("وبال", prefixes);
        Assert.Contains("فلل", prefixes);
        Assert.Contains("ال", prefixes);
        Assert.DoesNotContain("لال", prefixes);
        Assert.DoesNotContain("للال", prefixes);
        Assert.True(Table.NounSequences.Single(p => p.Prefix == "بال").HasArticle);
        Assert.False(Table.NounSequences.Single(p => p.Prefix == "وب").HasArticle);
    }

    [Fact]
    public void SequencesAreLongestFirst() =>
        Assert.Equal(Table.NounSequences.Select(p => p.Prefix.Length).OrderDescending(), Table.NounSequences.Select(p => p.Prefix.Length));
}
