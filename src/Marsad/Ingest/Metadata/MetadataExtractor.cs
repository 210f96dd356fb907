using Marsad.Ingest.Cleaning;
using Marsad.Model;

namespace Marsad.Ingest.Metadata;

/// <summary>
/// Finds an article's title, outlet and publication date; the container's metadata always wins over the text.
/// <list type="bullet">
/// <item>title: <see cref="RawArticle.Title"/>, else the headline of the header zone (<see cref="HeadlineFinder"/>);</item>
/// <item>outlet: <see cref="RawArticle.Outlet"/> in its catalogue display form, else what the text says (<see cref="OutletFinder"/>);</item>
/// <item>published: <see cref="RawArticle.Published"/> (<see cref="PublishedFrom.Metadata"/>), else the first dateline of the
/// header zone — a short line holding an explicit date — or a date among the first words of the first paragraph
/// ("بغداد - 24 يناير 2024 -") (<see cref="PublishedFrom.Text"/>); weekdays are never used.</item>
/// </list>
/// </summary>
public sealed class MetadataExtractor
{
    /// <summary>How much of a first paragraph can hold a lead dateline (four words and a written-out date, with room to spare).</summary>
    private const int LeadChars = 400;

    private static readonly Lazy<MetadataExtractor> DefaultInstance = new(() => new MetadataExtractor(CleanerOptions.Default));

    private readonly CleanerOptions _options;
    private readonly OutletCatalog _catalog;
    private readonly OutletFinder _outlets;

    public MetadataExtractor(CleanerOptions options, OutletCatalog? catalog = null, DatelineParser? dates = null, BoilerplateLexicon? lexicon = null)
    {
        _options = options;
        _catalog = catalog ?? OutletCatalog.Default;
        _outlets = new OutletFinder(_catalog);
        Dates = dates ?? DatelineParser.Default;
        Headlines = new HeadlineFinder(options, Dates, lexicon ?? BoilerplateLexicon.Default);
    }

    public static MetadataExtractor Default => DefaultInstance.Value;

    public HeadlineFinder Headlines { get; }

    public DatelineParser Dates { get; }

    /// <summary>The canonical display name of a container-given outlet ("alarabiya" → "العربية"), or the name itself.</summary>
    public string? CanonicalOutlet(string? outlet)
    {
        if (string.IsNullOrWhiteSpace(outlet))
        {
            return null;
        }

        return _catalog.Find(outlet)?.Name ?? outlet.Trim();
    }

    public string? FindOutlet(RawArticle raw, IReadOnlyList<string> lines, int lastContentLine) =>
        CanonicalOutlet(raw.Outlet) ?? _outlets.Find(lines, lastContentLine);

    /// <summary>The publication date: the container's, else a dateline in <paramref name="headerLines"/> or at the start of <paramref name="firstParagraph"/>.</summary>
    public (DateOnly? Date, PublishedFrom From) FindPublished(RawArticle raw, IEnumerable<string> headerLines, string? firstParagraph)
    {
        if (raw.Published is { } given)
        {
            return (given, PublishedFrom.Metadata);
        }

        foreach (var line in headerLines)
        {
            if (LineShape.Of(line).Words <= _options.DatelineMaxWords && Dates.TryParse(line, out var date))
            {
                return (date, PublishedFrom.Text);
            }
        }

        // A lead dateline starts within the first words: its start is enough, and the date regexes then run over a bounded
        // window however long the paragraph (one unpunctuated paragraph can be megabytes).
        if (firstParagraph is not null && Dates.TryFind(Lead(firstParagraph), out var lead, out var wordIndex) && wordIndex <= 4)
        {
            return (lead, PublishedFrom.Text);
        }

        return (null, PublishedFrom.None);
    }

    /// <summary>The start of a paragraph where a lead dateline can be: a few words and a written-out date.</summary>
    private static string Lead(string paragraph) => paragraph.Length <= LeadChars ? paragraph : paragraph[..LeadChars];

    /// <summary>All three fields from a plain list of lines, for callers outside the cleaner: the header zone is every
    /// line before the first one of at least <see cref="CleanerOptions.ParagraphMinWords"/> words ending a sentence.</summary>
    public ArticleMetadata Extract(RawArticle raw, IReadOnlyList<string> lines)
    {
        var first = 0;
        while (first < lines.Count)
        {
            var shape = LineShape.Of(lines[first]);
            if (shape.Words >= _options.LongParagraphWords || (shape.Words >= _options.ParagraphMinWords && shape.EndsSentence))
            {
                break;
            }

            first++;
        }

        var header = lines.Take(first).ToList();
        var title = string.IsNullOrWhiteSpace(raw.Title) ? (Headlines.Find(header) is var t and >= 0 ? header[t] : null) : raw.Title.Trim();
        var (published, from) = FindPublished(raw, header, first < lines.Count ? lines[first] : null);
        return new ArticleMetadata(title, FindOutlet(raw, lines, lines.Count - 1), published, from);
    }
}
