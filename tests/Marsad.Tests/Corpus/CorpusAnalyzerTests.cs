using System.Text.Json;
using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Corpus.Events;
using Marsad.Export;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Corpus;

public sealed class CorpusAnalyzerTests
{
    [SharedFact]
    public void CondensedSeedsGiveTheSameCorpusResult()
    {
        var full = Run(SeedDocuments.Analyze(), condense: false);
        var condensed = Run(SeedDocuments.Analyze(), condense: true);
        Assert.NotEmpty(full.Corpus.Discrepancies);
        Assert.Equal(Sections(full.Corpus), Sections(condensed.Corpus));
        Assert.Equal(full.Corpus.Redated.Select(d => d.Id), condensed.Corpus.Redated.Select(d => d.Id));
        Assert.Equal(full.Catalog, condensed.Catalog);
    }

    [SharedFact]
    public void CondensedCorpusArticlesGiveTheSameStoriesAndDuplicates()
    {
        var sample = CorpusSample.Read(300, minWords: 40);
        List<Document> Documents() => sample.Select(a =>
        {
            var d = new Document(a.Id, a.Text) { Title = a.Title, Published = a.Published, PublishedFrom = a.Published is null ? PublishedFrom.None : PublishedFrom.Metadata };
            DocumentAnalyzer.Default.Pipeline.Run(d);
            return d;
        }).ToList();

        var full = Run(Documents(), condense: false);
        var condensed = Run(Documents(), condense: true);
        Assert.Contains(full.Corpus.Stories, s => s.Documents.Count > 1);
        Assert.Equal(Sections(full.Corpus), Sections(condensed.Corpus));
    }

    [Fact]
    public void CondenseKeepsOnlyTheDigestAndTheRetainedLayers()
    {
        var document = Annotated("وصل وزير الخارجية إلى بغداد يوم الأحد 5 أيار 2024 حيث قال إن 300 جندي في البصرة سيغادرون.");
        Assert.True(document.Has(Layers.Tokens));
        CorpusAnalyzer.Default.Condense(document);
        Assert.True(document.Has(CorpusLayers.Digest));
        Assert.All(document.LayerNames, name => Assert.Contains(name, CorpusAnalyzer.Retained.Select(k => k.Name).Append(CorpusLayers.Digest.Name)));
        Assert.False(document.Has(Layers.Tokens));
        Assert.False(document.Has(Layers.Normalized));
    }

    [Fact]
    public void DigestHoldsWhatTheLayersGive()
    {
        var document = Annotated("وصل وزير الخارجية إلى بغداد يوم الأحد 5 أيار 2024 حيث قال إن 300 جندي في البصرة سيغادرون خلال أيام قليلة بعد انتهاء المهمة.");
        var features = StoryClusterer.Features(document);
        var date = TextDateSignalSource.Default.Read(document);
        var claims = QuantityClaimExtractor.Default.Extract(document);
        CorpusAnalyzer.Default.Condense(document);
        Assert.True(document.TryGet(CorpusLayers.Digest, out var digest));
        Assert.Equal(features, digest.Features);
        Assert.Equal(date, digest.Date);
        Assert.Equal(claims.Select(c => (c.Value, c.Unit, c.Text)), digest.Claims.Select(c => (c.Value, c.Unit, c.Text)));
        Assert.NotEmpty(digest.Features);
    }

    [Fact]
    public void DocumentWithoutTokensGetsNoDigestAndTakesNoPart()
    {
        var document = new Document("en", "Nothing here is Arabic.") { Language = "en" };
        CorpusAnalyzer.Default.Condense(document);
        Assert.False(document.Has(CorpusLayers.Digest));
        var result = CorpusAnalyzer.Default.Analyze([document]);
        Assert.Empty(result.Stories);
    }

    private static Document Annotated(string text)
    {
        var document = new Document("d", text);
        DocumentAnalyzer.Default.Pipeline.Run(document);
        return document;
    }

    /// <summary>The corpus stage as <c>analyze</c> runs it, and the entity catalog over the final documents.</summary>
    private static (CorpusResult Corpus, string Catalog) Run(List<Document> documents, bool condense)
    {
        if (condense)
        {
            documents.ForEach(CorpusAnalyzer.Default.Condense);
        }

        var corpus = CorpusAnalyzer.Default.Analyze(documents, d => DocumentAnalyzer.Default.Reannotate(d));
        var redated = corpus.Redated.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var final = documents.Select(d => redated.GetValueOrDefault(d.Id) ?? d).ToList();
        return (corpus, Write(w => EntityJson.WriteCatalog(w, final)) + Write(w => EventJson.WriteEvents(w, EventMerger.Default.Merge(corpus.Stories, final))));
    }

    private static string Sections(CorpusResult corpus)
    {
        var sections = corpus.ToSections();
        return Write(sections.Stories!) + Write(sections.Duplicates!) + Write(sections.Discrepancies!);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, AnalysisJson.WriterOptions))
        {
            write(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
