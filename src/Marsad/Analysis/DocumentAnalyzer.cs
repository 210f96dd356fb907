using Marsad.Ingest.Cleaning;
using Marsad.Model;

namespace Marsad.Analysis;

/// <summary>
/// Turns one raw article into an analyzed document: clean (boilerplate, title, outlet, dateline),
/// tell the language, then run the annotation pipeline — only on Arabic, since the Arabic annotators
/// would only find noise in other languages. Immutable after construction; one instance serves many threads.
/// </summary>
public sealed class DocumentAnalyzer
{
    private static readonly Lazy<DocumentAnalyzer> DefaultInstance = new(() => new DocumentAnalyzer(ArticleCleaner.Default, DefaultPipeline.Create()));

    public DocumentAnalyzer(ArticleCleaner cleaner, AnnotationPipeline pipeline)
    {
        Cleaner = cleaner;
        Pipeline = pipeline;
    }

    /// <summary>The default chain, with its lexicons and models loaded once.</summary>
    public static DocumentAnalyzer Default => DefaultInstance.Value;

    public ArticleCleaner Cleaner { get; }

    public AnnotationPipeline Pipeline { get; }

    /// <summary>The engine version stored with each analysis: a newer engine re-analyzes unchanged inputs.</summary>
    public static string Version { get; } =
        typeof(DocumentAnalyzer).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0";

    public Document Analyze(RawArticle raw, CleanerContext? context = null, Action<IAnnotator, Document, Exception>? onError = null)
    {
        var cleaned = Cleaner.Clean(raw, context);
        var document = cleaned.ToDocument();
        document.Language = LanguageDetector.Detect(document.Text);
        if (document.Language == "ar")
        {
            Pipeline.Run(document, onError);
        }

        return document;
    }

    /// <summary>
    /// A fresh copy of an analyzed document, annotated again: used when the corpus stage has set its date from its
    /// story, so the layers that read the date (times) see it. The text and metadata are kept as they are.
    /// </summary>
    public Document Reannotate(Document analyzed, Action<IAnnotator, Document, Exception>? onError = null)
    {
        var document = new Document(analyzed.Id, analyzed.Text)
        {
            Title = analyzed.Title,
            Outlet = analyzed.Outlet,
            Published = analyzed.Published,
            PublishedFrom = analyzed.PublishedFrom,
            Url = analyzed.Url,
            SourcePath = analyzed.SourcePath,
            Encoding = analyzed.Encoding,
            Language = analyzed.Language,
            ContentHash = analyzed.ContentHash,
            Removed = analyzed.Removed,
        };
        if (document.Language == "ar")
        {
            Pipeline.Run(document, onError);
        }

        return document;
    }
}
