namespace Marsad.Ingest.Cleaning;

/// <summary>The thresholds of <see cref="ArticleCleaner"/>; the defaults were set on real news pages.</summary>
public sealed record CleanerOptions
{
    public static CleanerOptions Default { get; } = new();

    /// <summary>A real paragraph has at least this many words and ends a sentence…</summary>
    public int ParagraphMinWords { get; init; } = 10;

    /// <summary>…or has at least this many words whatever its end.</summary>
    public int LongParagraphWords { get; init; } = 25;

    /// <summary>Phrases of short reach match only lines up to this many words.</summary>
    public int ShortLineMaxWords { get; init; } = 20;

    /// <summary>A headline has at most this many words.</summary>
    public int HeadlineMaxWords { get; init; } = 22;

    /// <summary>A kicker (a short line above the headline) has at most this many words.</summary>
    public int KickerMaxWords { get; init; } = 8;

    /// <summary>A photo caption has at most this many words.</summary>
    public int CaptionMaxWords { get; init; } = 40;

    /// <summary>A related-links header inside the body takes at most this many link lines after it.</summary>
    public int RelatedLinksInBody { get; init; } = 3;

    /// <summary>A short line repeated in at least this many different documents of a group is page furniture.</summary>
    public int RepeatedMinDocuments { get; init; } = 3;

    /// <summary>…and in at least this share of the group's documents, so that in a large group a series title or a
    /// reporter's byline shared by a handful of articles is not taken for furniture.</summary>
    public double RepeatedMinShare { get; init; } = 0.01;

    /// <summary>Lines longer than this are never counted as repeated furniture.</summary>
    public int RepeatedMaxWords { get; init; } = 12;

    /// <summary>A kept line of at least this many words that repeats an earlier one is a duplicate (shorter repeats may be verse or list items).</summary>
    public int DuplicateMinWords { get; init; } = 10;

    /// <summary>A dateline has at most this many words.</summary>
    public int DatelineMaxWords { get; init; } = 12;

    /// <summary>A teaser of another story (<see cref="StoryLeadRun"/>) has at least this many words…</summary>
    public int StoryLeadMinWords { get; init; } = 8;

    /// <summary>…and at most this many characters: related-stories blocks cut their teasers short (CNN Arabic at about 240).</summary>
    public int StoryLeadMaxChars { get; init; } = 250;

    /// <summary>A teaser cut mid-sentence has at least this many characters (CNN Arabic's are mostly 130–240).</summary>
    public int StoryLeadCutMinChars { get; init; } = 120;

    /// <summary>A run of teasers at the tail has at least this many paragraphs.</summary>
    public int StoryLeadMinRun { get; init; } = 3;

    /// <summary>An outlet's articles show the teaser block in at least this many documents…</summary>
    public int StoryLeadMinDocuments { get; init; } = 2;

    /// <summary>…and this share of them (on the 2018 corpus: CNN Arabic 19 %, every other outlet under 0.2 %).</summary>
    public double StoryLeadMinShare { get; init; } = 0.1;

    /// <summary>A headline in a run of links inside the text (<see cref="HeadlineRun"/>) has at least this many words…</summary>
    public int HeadlineRunMinWords { get; init; } = 4;

    /// <summary>…and at most this many.</summary>
    public int HeadlineRunMaxWords { get; init; } = 16;

    /// <summary>An outlet inserts headline runs when they show in this share of its documents (on the 2018 corpus: BBC
    /// Arabic 11 %, every other outlet under 1 %); at least <see cref="StoryLeadMinDocuments"/> documents too.</summary>
    public double HeadlineRunMinShare { get; init; } = 0.05;

    /// <summary>A closing line below a rule line is the outlet's sign-off when it closes at least this many of its documents.</summary>
    public int RuledEndMinDocuments { get; init; } = 2;
}
