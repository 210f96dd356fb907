using Marsad.Ingest.Metadata;
using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>
/// Turns a scraped page (plain text lines, headline first, boilerplate and all) into the article a reader would keep,
/// recording every removal with its reason. Rules, in order:
/// <list type="bullet">
/// <item>lines are trimmed, empty lines dropped; bracketed template placeholders are cut from inside lines
/// (<see cref="InlineMarkerRemover"/>), the rest of the line stays;</item>
/// <item>lines of symbols only go (other); lines matching <see cref="BoilerplateLexicon"/> go with the phrase's reason:
/// whole-line phrases, prefixes and held phrases (promotions, comment disclaimers), share/controls bars;</item>
/// <item>photo captions go: a short line without sentence end that starts with a caption cue, or ends with a photo
/// credit "(أرشيف/ الأناضول)" / "- رويترز" when a paragraph follows (a closing credit at the end is content);</item>
/// <item>zones: the header is what precedes the first real paragraph (at least <see cref="CleanerOptions.ParagraphMinWords"/>
/// words ending a sentence, or <see cref="CleanerOptions.LongParagraphWords"/> words), the footer what follows the last;
/// a cookie phrase without a consent cue counts only there;</item>
/// <item>in those zones, lines that are only a web address, short Latin lines (menus; in the footer only up to four
/// words without digits, since lists of titles may follow an article), breadcrumbs, and short lines
/// repeated across the group's documents (<see cref="CleanerContext"/>) go (other); a section label at the very top
/// ("أخبار", "عربي ودولي", or any single word above the headline) goes (other);</item>
/// <item>the headline (<see cref="HeadlineFinder"/>: a kicker above it stays) is the title, and stays in the text;
/// any other line equal to the title goes (duplicate);</item>
/// <item>blocks: after a related-links header its link-like lines go (at most <see cref="CleanerOptions.RelatedLinksInBody"/>
/// inside the body, all of them in the footer); after a comments header below the first paragraph, when what follows is
/// comment-like (a short or Latin line, a disclaimer), everything below goes (comments); after a tags header in the
/// footer its short lines go; short lines naming a social network next to a promotion go with it;</item>
/// <item>a line of <see cref="CleanerOptions.DuplicateMinWords"/> words or more that repeats an earlier kept line goes (duplicate);</item>
/// <item>with what the group's documents show (<see cref="TailEvidenceIndex"/>): below the first paragraph, a line that
/// is another article's title goes (related); the last line below a rule line goes when it closes other documents of
/// the group the same way (promo); a tail run of other stories' leads (<see cref="StoryLeadRun"/>) goes (related) where
/// the outlet shows that block, and so do runs of headlines between paragraphs (<see cref="HeadlineRun"/>);</item>
/// <item>metadata last (<see cref="MetadataExtractor"/>): title, outlet, published date.</item>
/// </list>
/// Subheadings, kickers and datelines are content. The cleaner is stateless: one instance serves many threads.
/// </summary>
public sealed class ArticleCleaner
{
    private static readonly Lazy<ArticleCleaner> DefaultInstance = new(() => new ArticleCleaner());

    private readonly CleanerOptions _options;
    private readonly BoilerplateLexicon _lexicon;
    private readonly MetadataExtractor _metadata;
    private readonly InlineMarkerRemover _inline;

    public ArticleCleaner(CleanerOptions? options = null, BoilerplateLexicon? lexicon = null, MetadataExtractor? metadata = null)
    {
        _options = options ?? CleanerOptions.Default;
        _lexicon = lexicon ?? BoilerplateLexicon.Default;
        _metadata = metadata ?? (options is null && lexicon is null ? MetadataExtractor.Default : new MetadataExtractor(_options, lexicon: _lexicon));
        _inline = new InlineMarkerRemover(_lexicon);
    }

    public static ArticleCleaner Default => DefaultInstance.Value;

    public CleanedArticle Clean(RawArticle raw, CleanerContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var lines = ReadLines(raw.Content, out var charsIn);
        var n = lines.Count;

        foreach (var line in lines)
        {
            if (line.Kept)
            {
                ClassifyLine(line);
            }
        }

        var (first, last) = FindBody(lines);
        var hasBody = first >= 0;
        ConfirmZoneDependent(lines, first, last, hasBody);
        (first, last) = FindBody(lines);
        hasBody = first >= 0;

        RemoveZoneFurniture(raw, lines, first, last, hasBody, context);
        RemoveSectionLabel(lines, first, hasBody);

        var title = FindTitle(raw, lines, first, hasBody);
        RemoveBlocks(lines, first, last, hasBody);
        SpreadPromotions(lines);
        RemoveRepeatedParagraphs(lines);
        if (hasBody && context is not null)
        {
            RemoveOtherStories(raw, lines, first, title, context);
        }

        var header = new List<string>();
        for (var i = 0; i < (hasBody ? first : n); i++)
        {
            if (lines[i].Kept || lines[i].IsDate)
            {
                header.Add(lines[i].Text);
            }
        }

        var (published, from) = _metadata.FindPublished(raw, header, hasBody && lines[first].Kept ? lines[first].Text : null);
        var lastKept = lines.FindLastIndex(l => l.Kept);
        var outlet = _metadata.FindOutlet(raw, lines.ConvertAll(l => l.Text), lastKept);

        var removed = new List<Removal>();
        var kept = new List<string>(n);
        foreach (var line in lines)
        {
            if (line.Inline is not null)
            {
                removed.AddRange(line.Inline);
            }

            if (line.Kept)
            {
                kept.Add(line.Text);
            }
            else if (!line.Silent)
            {
                removed.Add(new Removal(line.Text, line.Reason!.Value));
            }
        }

        return new CleanedArticle
        {
            Raw = raw,
            Text = string.Join('\n', kept),
            Removed = removed,
            Title = title,
            Outlet = outlet,
            Published = published,
            PublishedFrom = from,
            LinesIn = n,
            LinesKept = kept.Count,
            CharsIn = charsIn,
        };
    }

    private List<PageLine> ReadLines(string content, out int charsIn)
    {
        var lines = new List<PageLine>();
        charsIn = 0;
        var span = content.AsSpan();
        foreach (var range in span.Split('\n'))
        {
            var trimmed = span[range].Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            charsIn += trimmed.Length;
            List<Removal>? inline = null;
            var text = trimmed.ToString();
            if (trimmed.IndexOfAny('[', '{') >= 0)
            {
                inline = [];
                text = _inline.Strip(text, inline);
            }

            var shape = LineShape.Of(text);
            var line = new PageLine(text, LineKey.Of(text), shape) { Inline = inline is { Count: > 0 } ? inline : null };
            if (text.Length == 0)
            {
                line.Reason = inline![0].Reason;
                line.Silent = true;
            }
            else
            {
                line.IsDate = shape.Digits > 0 && shape.Words <= _options.DatelineMaxWords && _metadata.Dates.TryParse(text, out _);
            }

            lines.Add(line);
        }

        return lines;
    }

    private void ClassifyLine(PageLine line)
    {
        if (line.Shape.IsSymbolsOnly)
        {
            line.Reason = RemovalReason.Other;
            return;
        }

        if (line.IsDate)
        {
            return;
        }

        // A label may end with a colon ("اقرأ أيضا:"); a full stop or question mark makes a sentence.
        var isShort = line.Words <= _options.ShortLineMaxWords && (!line.Shape.EndsSentence || line.Text.AsSpan().TrimEnd()[^1] == ':');
        if (_lexicon.Match(line.Key, isShort) is { } match)
        {
            if (match.Reason == RemovalReason.Cookie && match.Mode == LexiconMode.Contains && !_lexicon.HasCookieCue(line.Key))
            {
                line.CookieCandidate = true;
                return;
            }

            line.Reason = match.Reason;
            line.OpensBlock = match.Mode == LexiconMode.Header && match.WholeLine;
            return;
        }

        if (isShort && line.Shape.Digits == 0 && _lexicon.IsShareBar(line.Key))
        {
            line.Reason = RemovalReason.Share;
            return;
        }

        line.Caption = CaptionOf(line);
    }

    private CaptionKind CaptionOf(PageLine line)
    {
        if (line.Words > _options.CaptionMaxWords)
        {
            return CaptionKind.None;
        }

        var text = line.Text.AsSpan();
        if (line.Words >= 2 && !line.Shape.EndsSentence && _lexicon.StartsLikeCaption(line.Key))
        {
            return CaptionKind.Start;
        }

        if (line.Words <= 4 && _lexicon.IsCredit(line.Key))
        {
            return CaptionKind.CreditOnly;
        }

        if (text[^1] == ')')
        {
            var open = text.LastIndexOf('(');
            if (open > 0 && _lexicon.IsCredit(LineKey.Of(text[(open + 1)..^1])) && !LineShape.EndsWithSentencePunctuation(text[..open]))
            {
                return CaptionKind.Credit;
            }
        }

        var dash = text.LastIndexOfAny("-–—|/");
        if (dash > 0 && dash < text.Length - 1)
        {
            var tail = text[(dash + 1)..];
            if (LineShape.Of(tail).Words <= 4 && _lexicon.IsCredit(LineKey.Of(tail)) && !LineShape.EndsWithSentencePunctuation(text[..dash]))
            {
                return CaptionKind.Credit;
            }
        }

        return CaptionKind.None;
    }

    private bool IsParagraph(PageLine line) =>
        line.Kept && line.Caption == CaptionKind.None && !line.CookieCandidate
        && (line.Words >= _options.LongParagraphWords || (line.Words >= _options.ParagraphMinWords && line.Shape.EndsSentence));

    private (int First, int Last) FindBody(List<PageLine> lines)
    {
        var first = lines.FindIndex(IsParagraph);
        if (first < 0)
        {
            // A short article: the first sentence-ending line of a few words is as close to a paragraph as it has.
            first = lines.FindIndex(l => l.Kept && l.Caption == CaptionKind.None && l.Words >= 6 && l.Shape.EndsSentence);
            return first < 0 ? (-1, -1) : (first, lines.FindLastIndex(l => l.Kept && l.Caption == CaptionKind.None && l.Words >= 6 && l.Shape.EndsSentence));
        }

        return (first, lines.FindLastIndex(IsParagraph));
    }

    private static void ConfirmZoneDependent(List<PageLine> lines, int first, int last, bool hasBody)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var outside = !hasBody || i < first || i > last;
            if (line.CookieCandidate)
            {
                line.CookieCandidate = false;
                if (outside)
                {
                    line.Reason = RemovalReason.Cookie;
                }
            }

            switch (line.Caption)
            {
                case CaptionKind.Start:
                    line.Reason = RemovalReason.Caption;
                    break;
                case CaptionKind.Credit or CaptionKind.CreditOnly when hasBody && i < last:
                    line.Reason = RemovalReason.Caption;
                    break;
                case CaptionKind.Credit or CaptionKind.CreditOnly:
                    line.Caption = CaptionKind.None;
                    break;
            }
        }
    }

    private void RemoveZoneFurniture(RawArticle raw, List<PageLine> lines, int first, int last, bool hasBody, CleanerContext? context)
    {
        if (!hasBody)
        {
            return;
        }

        var group = context?.GroupOf(raw);
        var minRepeats = context is null ? 0 : Math.Max(_options.RepeatedMinDocuments, (int)Math.Ceiling(_options.RepeatedMinShare * context.Lines.DocumentCount(group!)));
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var inHeader = i < first;
            var inFooter = i > last;
            if (!line.Kept || line.IsDate || !(inHeader || inFooter))
            {
                continue;
            }

            var shape = line.Shape;
            if (shape.HasUrl && line.Words <= 3)
            {
                line.Reason = RemovalReason.Other;
            }
            else if (shape.LatinShare >= 0.8 && (inHeader ? line.Words <= 6 : line.Words <= 4 && shape.Digits == 0 && line.Text[0] != '('))
            {
                line.Reason = RemovalReason.Other;
            }
            else if (inHeader && IsBreadcrumb(line))
            {
                line.Reason = RemovalReason.Other;
            }
            else if (context is not null && line.Words <= _options.RepeatedMaxWords
                     && context.Lines.Count(group!, line.Key) >= minRepeats)
            {
                line.Reason = RemovalReason.Other;
            }
        }
    }

    /// <summary>"الرئيسية » أخبار » العراق": short segments joined by the same navigation separator, at least twice.</summary>
    private static bool IsBreadcrumb(PageLine line)
    {
        if (line.Words > 12 || line.Shape.EndsSentence)
        {
            return false;
        }

        var text = line.Text.AsSpan();
        foreach (var sep in "»›>/|\\")
        {
            // » also closes a quotation opened by «.
            if (text.Count(sep) >= 2 && (sep != '»' || !text.Contains('«')))
            {
                return true;
            }
        }

        return false;
    }

    private void RemoveSectionLabel(List<PageLine> lines, int first, bool hasBody)
    {
        var end = hasBody ? first : lines.Count;
        var top = lines.FindIndex(0, end, l => l.Kept);
        if (top < 0 || lines[top].IsDate)
        {
            return;
        }

        var line = lines[top];
        var anotherHeaderLine = lines.FindIndex(top + 1, end - top - 1, l => l.Kept) >= 0;
        if ((line.Words <= 4 && _lexicon.IsSectionLabel(line.Key) && (anotherHeaderLine || hasBody))
            || (line.Words == 1 && line.Shape.Digits == 0 && anotherHeaderLine))
        {
            line.Reason = RemovalReason.Other;
        }
    }

    private string? FindTitle(RawArticle raw, List<PageLine> lines, int first, bool hasBody)
    {
        var end = hasBody ? first : lines.Count;
        string? title = null;
        if (!string.IsNullOrWhiteSpace(raw.Title))
        {
            title = raw.Title.Trim();
        }
        else
        {
            var header = new List<int>();
            for (var i = 0; i < end; i++)
            {
                if (lines[i].Kept)
                {
                    header.Add(i);
                }
            }

            var found = _metadata.Headlines.Find(header.ConvertAll(i => lines[i].Text));
            if (found >= 0)
            {
                title = lines[header[found]].Text;
            }
        }

        if (title is null)
        {
            return null;
        }

        var titleKey = LineKey.Of(title);
        var moved = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.Kept || line.Key.Length == 0)
            {
                continue;
            }

            // A container title may carry the site's name after the headline ("… | اسم الموقع"): the page line is the headline.
            var prefixOfTitle = i < end && line.Words >= 3 && titleKey.StartsWith(line.Key + " ", StringComparison.Ordinal);
            if (line.Key != titleKey && !prefixOfTitle)
            {
                continue;
            }

            if (!moved && i < end)
            {
                if (prefixOfTitle)
                {
                    title = line.Text;
                }

                // The headline stays the first line of the text: readers keep it, and its names and dates are
                // the article's too. Only its copies go.
                line.IsTitle = true;
                moved = true;
            }
            else
            {
                line.Reason = RemovalReason.Duplicate;
            }
        }

        return title;
    }

    private void RemoveBlocks(List<PageLine> lines, int first, int last, bool hasBody)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].OpensBlock)
            {
                continue;
            }

            switch (lines[i].Reason)
            {
                case RemovalReason.Related:
                    TakeLinks(lines, i, inBody: hasBody && i < last);
                    break;
                case RemovalReason.Comments when hasBody && i > first && CommentsFollow(lines, i):
                    for (var j = i + 1; j < lines.Count; j++)
                    {
                        // Furniture rules already took short Latin lines of the footer; below a comments header they are comments.
                        if (lines[j].Kept || (lines[j].Reason == RemovalReason.Other && !lines[j].Silent))
                        {
                            lines[j].Reason = RemovalReason.Comments;
                        }
                    }

                    return;
                case RemovalReason.Other when hasBody && i > last:
                    for (var j = i + 1; j < lines.Count && (!lines[j].Kept || lines[j].Words <= 8); j++)
                    {
                        if (lines[j].OpensBlock)
                        {
                            break;
                        }

                        lines[j].Reason ??= RemovalReason.Other;
                    }

                    break;
            }
        }
    }

    private void TakeLinks(List<PageLine> lines, int header, bool inBody)
    {
        var taken = 0;
        for (var j = header + 1; j < lines.Count; j++)
        {
            var line = lines[j];
            if (line.OpensBlock)
            {
                break;
            }

            if (!line.Kept)
            {
                continue;
            }

            var linkLike = line.Shape.HasUrl || (line.Words <= 25 && !line.Shape.EndsSentence);
            if (IsParagraph(line) || !linkLike || line.IsDate)
            {
                break;
            }

            // Inside the body a line right above a paragraph is more likely a subheading than a link.
            if (inBody && taken > 0 && NextKept(lines, j) is { } next && IsParagraph(next))
            {
                break;
            }

            line.Reason = RemovalReason.Related;
            taken++;
            if (inBody && taken >= _options.RelatedLinksInBody)
            {
                break;
            }
        }
    }

    private bool CommentsFollow(List<PageLine> lines, int header)
    {
        if (header + 1 >= lines.Count)
        {
            return true;
        }

        var next = lines[header + 1];
        return next.Reason == RemovalReason.Comments || next.Words <= 12 || next.Shape.LatinShare > 0.5;
    }

    private void SpreadPromotions(List<PageLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Reason != RemovalReason.Promo)
            {
                continue;
            }

            foreach (var j in (ReadOnlySpan<int>)[i - 1, i + 1])
            {
                if (j < 0 || j >= lines.Count)
                {
                    continue;
                }

                var near = lines[j];
                if (near.Kept && !near.IsDate && near.Words <= 8 && !near.Shape.EndsSentence && _lexicon.HasSocialWord(near.Key))
                {
                    near.Reason = RemovalReason.Promo;
                }
            }
        }
    }

    private void RemoveRepeatedParagraphs(List<PageLine> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Kept && line.Words >= _options.DuplicateMinWords && !seen.Add(line.Key))
            {
                line.Reason = RemovalReason.Duplicate;
            }
        }
    }

    private void RemoveOtherStories(RawArticle raw, List<PageLine> lines, int first, string? title, CleanerContext context)
    {
        var group = context.GroupOf(raw);
        var tails = context.Tails;
        var titleKey = title is null ? "" : LineKey.Of(title);
        for (var i = first + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Kept && !line.IsTitle && !line.IsDate && line.Words >= 4 && line.Words <= _options.HeadlineMaxWords
                && line.Key != titleKey && tails.TitleCount(group, line.Key) > 0)
            {
                line.Reason = RemovalReason.Related;
            }
        }

        var last = lines.FindLastIndex(l => !l.Silent);
        if (last > first + 1 && lines[last].Kept && lines[last - 1].Shape.IsSymbolsOnly
            && tails.RuledEndCount(group, lines[last].Key) >= _options.RuledEndMinDocuments)
        {
            lines[last].Reason = RemovalReason.Promo;
        }

        var storyLeads = tails.HasStoryLeadBlock(group, _options);
        var headlineRuns = tails.HasHeadlineRuns(group, _options);
        if (!storyLeads && !headlineRuns)
        {
            return;
        }

        var body = new List<int>();
        for (var i = first; i < lines.Count; i++)
        {
            if (lines[i].Kept && !lines[i].IsTitle && !lines[i].IsDate)
            {
                body.Add(i);
            }
        }

        var paragraphs = body.ConvertAll(i => (lines[i].Text, lines[i].Key, lines[i].Shape));
        if (headlineRuns)
        {
            foreach (var (runStart, length) in HeadlineRun.Find(paragraphs, _options))
            {
                for (var k = runStart; k < runStart + length; k++)
                {
                    lines[body[k]].Reason = RemovalReason.Related;
                }
            }
        }

        var start = storyLeads ? StoryLeadRun.Find(paragraphs, _options) : -1;
        for (var k = Math.Max(start, 0); start >= 0 && k < body.Count; k++)
        {
            lines[body[k]].Reason = RemovalReason.Related;
        }
    }

    private static PageLine? NextKept(List<PageLine> lines, int index)
    {
        for (var j = index + 1; j < lines.Count; j++)
        {
            if (lines[j].Kept)
            {
                return lines[j];
            }
        }

        return null;
    }
}
