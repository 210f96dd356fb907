using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Extract.Times;

/// <summary>
/// The time layer of the pipeline: extracts time expressions, dates the document from its text when it has no
/// publication date yet (the only document field it writes), resolves the expressions against that date and checks
/// weekdays against their dates. Produces <see cref="Layers.Times"/> and <see cref="Layers.Discrepancies"/>. It reads
/// <see cref="Layers.Normalized"/> when an earlier annotator made it, and normalizes the text itself otherwise.
/// </summary>
public sealed class TimeAnnotator : IAnnotator
{
    private readonly TimeExtractor _extractor;
    private readonly TimeResolver _resolver;
    private readonly DocumentDater _dater;
    private readonly WeekdayChecker _checker;
    private readonly TimeOptions _options;

    public TimeAnnotator(TimeOptions? options = null)
        : this(TimeLexicon.Default, options ?? new TimeOptions())
    {
    }

    public TimeAnnotator(TimeLexicon lexicon, TimeOptions options)
    {
        _extractor = ReferenceEquals(lexicon, TimeLexicon.Default) ? TimeExtractor.Default : new TimeExtractor(lexicon);
        _resolver = new TimeResolver(lexicon);
        _dater = new DocumentDater(lexicon, options);
        _checker = new WeekdayChecker(lexicon);
        _options = options;
    }

    public string Name => "times";

    public IReadOnlyList<ILayerKey> Requires { get; } = [];

    public IReadOnlyList<ILayerKey> Produces { get; } = [Layers.Times, Layers.Discrepancies];

    public void Annotate(Document document)
    {
        var normalized = document.TryGet(Layers.Normalized, out var n) ? n : ArabicNormalizer.NormalizeWithMap(document.Text);
        var expressions = _extractor.Extract(document.Text, normalized);
        if (document.Published is null && _options.InferPublished && _dater.Infer(document.Text, expressions) is { } published)
        {
            document.Published = published.Date;
            document.PublishedFrom = published.From;
        }

        document.Set(Layers.Times, _resolver.ResolveAll(document.Text, expressions, document.Published));
        document.Set(Layers.Discrepancies, _checker.Check(document.Id, document.Text, expressions, document.Published));
    }
}
