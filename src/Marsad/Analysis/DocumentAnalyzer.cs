using System.Text.RegularExpressions;
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
    /// Analyzes many articles on up to <paramref name="threads"/> threads (0: every core) and yields the outcomes in
    /// input order, as they complete, on the caller's thread. The output is the same as analyzing one article after
    /// another: every annotator and cached structure is immutable or thread-safe, and nothing depends on the order in
    /// which documents are annotated. Failures are captured per article, never thrown.
    /// </summary>
    public IEnumerable<AnalysisOutcome> AnalyzeAll(IEnumerable<RawArticle> articles, CleanerContext? context = null, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        var degree = threads == 0 ? Environment.ProcessorCount : threads;
        if (degree == 1)
        {
            return articles.Select(a => AnalyzeOne(a, context));
        }

        // Ordered PLINQ streams results back in input order while the workers run ahead by a bounded buffer. The
        // load-balancing partitioner hands out small chunks: PLINQ's default for a list is one contiguous range per
        // thread, and then every thread but the first waits, its buffer full, until the first range is consumed.
        var list = articles as IList<RawArticle> ?? articles.ToList();
        return System.Collections.Concurrent.Partitioner.Create(list, loadBalance: true)
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(degree, 512))
            .Select(a => AnalyzeOne(a, context));
    }

    private AnalysisOutcome AnalyzeOne(RawArticle article, CleanerContext? context)
    {
        // A regex match timeout guards against runaway backtracking, but on a loaded machine the first match of a
        // pattern (compiled to machine code then) can outlast it too: such an article is analyzed once more before it
        // is given up, so a busy server does not lose it. A pathological input times out again, at twice the cost.
        var outcome = AnalyzeOnce(article, context);
        return outcome.Failure is RegexMatchTimeoutException || outcome.AnnotatorFailures.Any(f => f.Exception is RegexMatchTimeoutException)
            ? AnalyzeOnce(article, context)
            : outcome;
    }

    private AnalysisOutcome AnalyzeOnce(RawArticle article, CleanerContext? context)
    {
        List<AnnotatorFailure>? failures = null;
        try
        {
            var document = Analyze(article, context, (annotator, _, ex) => (failures ??= []).Add(new AnnotatorFailure(annotator, ex)));
            return new AnalysisOutcome(article, document, null, failures ?? (IReadOnlyList<AnnotatorFailure>)[]);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new AnalysisOutcome(article, null, ex, failures ?? (IReadOnlyList<AnnotatorFailure>)[]);
        }
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
