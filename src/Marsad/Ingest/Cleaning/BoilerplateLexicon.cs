using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>
/// The interface phrases of news pages, read once from <c>data/ar/boilerplate/</c> (entries stored as
/// <see cref="LineKey"/> keys). It answers, for a line key:
/// <list type="bullet">
/// <item>which phrase of <c>phrases.tsv</c> it is, starts with or holds (line, header, prefix, contains modes);
/// phrases whose reach is short match only short lines without sentence punctuation;</item>
/// <item>whether it is a share/controls bar: every word a share token, one of them at least four letters long
/// (short tokens such as "اب" or "a" never make a bar alone);</item>
/// <item>whether it holds a cookie-consent cue, a section label (<c>sections.tsv</c>), a caption start, or only
/// photo-credit words (<c>caption_cues.tsv</c>), or opens like a byline (<c>bylines.tsv</c>);</item>
/// <item>the reason of a bracketed template placeholder word ("[ads3]" → ad).</item>
/// </list>
/// All lookups go through span-keyed alternate lookups, so matching allocates nothing per line.
/// </summary>
public sealed class BoilerplateLexicon
{
    private static readonly Lazy<BoilerplateLexicon> DefaultInstance = new(() => Load(Path.Combine(DataFiles.Root, "ar", "boilerplate")));

    private readonly Dictionary<string, (RemovalReason Reason, LexiconMode Mode, bool AnyReach)> _whole = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RemovalReason Reason, LexiconMode Mode, bool AnyReach)> _prefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RemovalReason Reason, bool AnyReach)> _contains = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cookieCues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _shareTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RemovalReason> _inline = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sections = new(StringComparer.Ordinal);
    private readonly HashSet<string> _captionStarts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _creditWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _connectors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bylines = new(StringComparer.Ordinal);
    private int _maxPhraseWords = 1;
    private int _maxCueWords = 1;
    private int _maxStartWords = 1;

    private BoilerplateLexicon()
    {
    }

    /// <summary>The lexicon shipped in <c>data/ar/boilerplate/</c>.</summary>
    public static BoilerplateLexicon Default => DefaultInstance.Value;

    /// <summary>Reads <c>phrases.tsv</c>, <c>sections.tsv</c>, <c>caption_cues.tsv</c> and <c>bylines.tsv</c> from a folder.</summary>
    public static BoilerplateLexicon Load(string folder)
    {
        var lex = new BoilerplateLexicon();
        foreach (var row in TsvLexicon.ReadRows(Path.Combine(folder, "phrases.tsv")))
        {
            if (row.Length < 3)
            {
                throw new FormatException($"phrases.tsv: expected phrase, reason, mode (and reach), got '{string.Join('\t', row)}'");
            }

            var phrase = LineKey.Of(row[0]);
            var reason = ParseReason(row[1]);
            var anyReach = row.Length > 3 && row[3] == "any";
            var words = LineKey.WordCount(phrase);
            switch (row[2])
            {
                case "line":
                    lex._whole.TryAdd(phrase, (reason, LexiconMode.Line, anyReach));
                    break;
                case "header":
                    lex._whole[phrase] = (reason, LexiconMode.Header, anyReach);
                    lex._prefix.TryAdd(phrase, (reason, LexiconMode.Header, anyReach));
                    lex._maxPhraseWords = Math.Max(lex._maxPhraseWords, words);
                    break;
                case "prefix":
                    lex._prefix.TryAdd(phrase, (reason, LexiconMode.Prefix, anyReach));
                    lex._maxPhraseWords = Math.Max(lex._maxPhraseWords, words);
                    break;
                case "contains":
                    lex._contains.TryAdd(phrase, (reason, anyReach));
                    lex._maxPhraseWords = Math.Max(lex._maxPhraseWords, words);
                    break;
                case "cue":
                    lex._cookieCues.Add(phrase);
                    lex._maxCueWords = Math.Max(lex._maxCueWords, words);
                    break;
                case "token":
                    lex._shareTokens.Add(phrase);
                    break;
                case "inline":
                    lex._inline.TryAdd(phrase, reason);
                    break;
                default:
                    throw new FormatException($"phrases.tsv: unknown mode '{row[2]}' for '{row[0]}' (valid: line, prefix, contains, header, token, cue, inline)");
            }
        }

        foreach (var row in TsvLexicon.ReadRows(Path.Combine(folder, "sections.tsv")))
        {
            lex._sections.Add(LineKey.Of(row[0]));
        }

        foreach (var row in TsvLexicon.ReadRows(Path.Combine(folder, "caption_cues.tsv")))
        {
            var cue = LineKey.Of(row[0]);
            switch (row.Length > 1 ? row[1] : "")
            {
                case "start":
                    lex._captionStarts.Add(cue);
                    lex._maxStartWords = Math.Max(lex._maxStartWords, LineKey.WordCount(cue));
                    if (!cue.Contains(' '))
                    {
                        // "(صورة)", "(تصوير)" credit a photo too; the words of longer cues ("من اليمين") do not.
                        lex._creditWords.Add(cue);
                    }

                    break;
                case "credit":
                    foreach (var w in cue.Split(' '))
                    {
                        lex._creditWords.Add(w);
                    }

                    break;
                case "connector":
                    lex._connectors.Add(cue);
                    break;
                default:
                    throw new FormatException($"caption_cues.tsv: unknown kind for '{row[0]}' (valid: start, credit, connector)");
            }
        }

        foreach (var row in TsvLexicon.ReadRows(Path.Combine(folder, "bylines.tsv")))
        {
            lex._bylines.Add(LineKey.Of(row[0]));
        }

        return lex;
    }

    /// <summary>
    /// The phrase a line key is, starts with, or holds. <paramref name="shortLine"/> says whether the line is short
    /// and without sentence punctuation; phrases of short reach match only such lines.
    /// </summary>
    public LexiconMatch? Match(string key, bool shortLine)
    {
        if (key.Length == 0)
        {
            return null;
        }

        if (_whole.TryGetValue(key, out var whole) && (shortLine || whole.AnyReach))
        {
            return new LexiconMatch(whole.Reason, whole.Mode, key) { WholeLine = true };
        }

        var span = key.AsSpan();
        var prefixLookup = _prefix.GetAlternateLookup<ReadOnlySpan<char>>();
        var end = 0;
        for (var w = 0; w < _maxPhraseWords && end < span.Length; w++)
        {
            var next = span[end..].IndexOf(' ');
            end = next < 0 ? span.Length : end + next;
            if (prefixLookup.TryGetValue(span[..end], out var p) && (shortLine || p.AnyReach))
            {
                return new LexiconMatch(p.Reason, p.Mode, span[..end].ToString()) { WholeLine = end == span.Length };
            }

            end++;
        }

        var containsLookup = _contains.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < span.Length;)
        {
            var stop = start;
            for (var w = 0; w < _maxPhraseWords && stop < span.Length; w++)
            {
                var next = span[stop..].IndexOf(' ');
                stop = next < 0 ? span.Length : stop + next;
                if (containsLookup.TryGetValue(span[start..stop], out var c) && (shortLine || c.AnyReach))
                {
                    return new LexiconMatch(c.Reason, LexiconMode.Contains, span[start..stop].ToString()) { WholeLine = start == 0 && stop == span.Length };
                }

                stop++;
            }

            var space = span[start..].IndexOf(' ');
            if (space < 0)
            {
                break;
            }

            start += space + 1;
        }

        return null;
    }

    /// <summary>True when every word of the key is a share/controls token and one of them has four letters or more.</summary>
    public bool IsShareBar(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        var lookup = _shareTokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var strong = false;
        foreach (var range in key.AsSpan().Split(' '))
        {
            var word = key.AsSpan(range);
            if (!lookup.Contains(word))
            {
                return false;
            }

            strong |= word.Length >= 4;
        }

        return strong;
    }

    /// <summary>True when the key holds a word of a share bar (a social network name, "طباعة") of five letters or more.</summary>
    public bool HasSocialWord(string key)
    {
        var lookup = _shareTokens.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in key.AsSpan().Split(' '))
        {
            var word = key.AsSpan(range);
            if (word.Length >= 5 && lookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the key holds a cookie-consent cue ("قبول", "تجربتك", "we use").</summary>
    public bool HasCookieCue(string key) => HoldsAny(key, _cookieCues, _maxCueWords);

    public bool IsSectionLabel(string key) => _sections.Contains(key);

    /// <summary>True when the key opens like a byline ("بقلم …", "كتب …", "by …").</summary>
    public bool StartsLikeByline(string key)
    {
        var space = key.IndexOf(' ');
        var lookup = _bylines.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(space < 0 ? key : key.AsSpan(0, space)))
        {
            return true;
        }

        if (space < 0)
        {
            return false;
        }

        var second = key.IndexOf(' ', space + 1);
        return lookup.Contains(second < 0 ? key : key.AsSpan(0, second));
    }

    /// <summary>True when the key starts with a caption cue ("صورة ...", "تصوير ...").</summary>
    public bool StartsLikeCaption(string key)
    {
        var span = key.AsSpan();
        var lookup = _captionStarts.GetAlternateLookup<ReadOnlySpan<char>>();
        var end = 0;
        for (var w = 0; w < _maxStartWords && end < span.Length; w++)
        {
            var next = span[end..].IndexOf(' ');
            end = next < 0 ? span.Length : end + next;
            if (lookup.Contains(span[..end]))
            {
                return true;
            }

            end++;
        }

        return false;
    }

    /// <summary>True when the key is made only of photo-credit words and connectors, with at least one credit word.</summary>
    public bool IsCredit(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return false;
        }

        var credits = _creditWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var connectors = _connectors.GetAlternateLookup<ReadOnlySpan<char>>();
        var any = false;
        foreach (var range in key.Split(' '))
        {
            var word = key[range];
            if (credits.Contains(word))
            {
                any = true;
            }
            else if (!connectors.Contains(word))
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>The reason of a bracketed placeholder by the key of its first word, or null when it is not one.</summary>
    public RemovalReason? InlineReason(ReadOnlySpan<char> key) =>
        _inline.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var reason) ? reason : null;

    private static bool HoldsAny(string key, HashSet<string> set, int maxWords)
    {
        var span = key.AsSpan();
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < span.Length;)
        {
            var stop = start;
            for (var w = 0; w < maxWords && stop < span.Length; w++)
            {
                var next = span[stop..].IndexOf(' ');
                stop = next < 0 ? span.Length : stop + next;
                if (lookup.Contains(span[start..stop]))
                {
                    return true;
                }

                stop++;
            }

            var space = span[start..].IndexOf(' ');
            if (space < 0)
            {
                break;
            }

            start += space + 1;
        }

        return false;
    }

    private static RemovalReason ParseReason(string value) => value switch
    {
        "cookie" => RemovalReason.Cookie,
        "related" => RemovalReason.Related,
        "ad" => RemovalReason.Ad,
        "share" => RemovalReason.Share,
        "promo" => RemovalReason.Promo,
        "comments" => RemovalReason.Comments,
        "caption" => RemovalReason.Caption,
        "duplicate" => RemovalReason.Duplicate,
        "other" => RemovalReason.Other,
        _ => throw new FormatException($"unknown removal reason '{value}' (valid: cookie, related, ad, share, promo, comments, caption, duplicate, other)"),
    };
}
