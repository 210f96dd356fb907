using System.Text;
using Marsad.Analysis;
using Marsad.Arabic;
using Marsad.Extract.Times;
using Marsad.Ingest;
using Marsad.Ingest.Cleaning;
using Marsad.Model;

namespace Marsad.Fuzz;

/// <summary>
/// The code under fuzzing, one entry per target. Each takes arbitrary bytes and must return normally: readers report bad
/// input as outcomes, the cleaner and the annotators accept any text. Any exception is a bug.
/// </summary>
public static class FuzzTargets
{
    /// <summary>Reader extensions, picked by the first byte so the fuzzer can steer the format.</summary>
    private static readonly string[] Extensions = [".txt", ".html", ".json", ".jsonl", ".rss", ".atom", ".xml", ".dat"];

    private static readonly Lazy<IAnnotator[]> ArabicCore = new(() => [.. ArabicPipeline.Default()]);

    private static readonly Lazy<IAnnotator[]> Times = new(() => [.. ArabicPipeline.Default(), new TimeAnnotator()]);

    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["reader"] = Reader,
        ["cleaner"] = Cleaner,
        ["arabic"] = Arabic,
        ["time"] = Time,
    };

    /// <summary>Every reader through <see cref="ArticleReader.Read(string, ReadOnlyMemory{byte})"/>, outcomes enumerated.</summary>
    public static void Reader(byte[] data)
    {
        if (data.Length == 0)
        {
            return;
        }

        var path = "input" + Extensions[data[0] % Extensions.Length];
        foreach (var outcome in ArticleReader.Read(path, data.AsMemory(1)))
        {
            if (outcome.Article is null == outcome.Error is null)
            {
                throw new InvalidOperationException("an outcome must hold exactly one of an article and an error");
            }
        }
    }

    /// <summary>The cleaner over text or HTML (first byte), with a repeated-line context built from the same article twice.</summary>
    public static void Cleaner(byte[] data)
    {
        if (data.Length == 0)
        {
            return;
        }

        var raw = new RawArticle
        {
            Id = "fuzz",
            SourcePath = "fuzz.txt",
            Kind = data[0] % 2 == 0 ? SourceKind.Text : SourceKind.Html,
            Content = Text(data.AsSpan(1)),
        };
        var context = CleanerContext.Build([raw, raw with { Id = "fuzz2" }]);
        var cleaned = ArticleCleaner.Default.Clean(raw, context);
        var document = cleaned.ToDocument();
        _ = LanguageDetector.Detect(document.Text);
    }

    /// <summary>Tokens, sentences and numbers (the Arabic core) over any text.</summary>
    public static void Arabic(byte[] data) => Annotate(ArabicCore.Value, Text(data), published: null);

    /// <summary>The date parser of the readers, then the time annotator over the same text, with and without a publication date.</summary>
    public static void Time(byte[] data)
    {
        var text = Text(data);
        var published = PublishedDateParser.Parse(text);
        Annotate(Times.Value, text, published ?? new DateOnly(2024, 3, 1));
    }

    private static void Annotate(IAnnotator[] annotators, string text, DateOnly? published)
    {
        var document = new Document("fuzz", text) { Published = published };
        foreach (var annotator in annotators)
        {
            annotator.Annotate(document);
        }
    }

    /// <summary>Bytes as text the way a reader would give them: lenient UTF-8.</summary>
    private static string Text(ReadOnlySpan<byte> data) => Encoding.UTF8.GetString(data);
}
