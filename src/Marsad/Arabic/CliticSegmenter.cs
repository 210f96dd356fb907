using System.Collections.Concurrent;
using Marsad.Model;

namespace Marsad.Arabic;

/// <summary>
/// Finds the proclitics and the pronoun enclitic of an Arabic word, in characters of its normalized form. Rules:
/// <list type="bullet">
/// <item>proclitics attach in slot order: a conjunction (و ف), then a preposition (ب ك ل) or the future particle
/// (س, only before an imperfect prefix ي ت ن ا), then the article (ال; after ل it is written لل); so وبال، فلل، وس, and
/// the clitics themselves come from <c>data/ar/clitics.tsv</c>;</item>
/// <item>enclitics are the attached pronouns ه ها هم هما هن ك كم كما كن ي نا ني; the longest that passes wins;</item>
/// <item>a word listed in <c>data/ar/clitic-guard.tsv</c> is never split, a remainder listed there is not split
/// further (وبغداد = و + بغداد) and counts as a known stem after a proclitic, and a listed word plus an enclitic keeps its
/// first letters (لديه = لدي + ه);</item>
/// <item>every clitic leaves a remainder of a minimal length, and except for the article it needs corpus evidence
/// (<c>data/ar/word-freq.tsv</c>): the remainder (or what remains of it after further clitics) must be a known word
/// whose count reaches the clitic's ratio times the count of the form it is stripped from; a stem before an enclitic
/// may end in ت for ة, ا for ى, و/ي for ء (حكومتها → حكومة);</item>
/// <item>the article is stripped when its stem has enough letters or is known, but not when the original alef carries
/// a hamza (ألمانيا، إلغاء، آلاف);</item>
/// <item>a word with the article takes no enclitic, and a word whose original last letter is ة ى or ئ takes none either
/// (حكومة، مصطفى، شاطئ).</item>
/// </list>
/// </summary>
public sealed class CliticSegmenter
{
    // Words longer than this are left whole: no Arabic word form needs it, and the hamza mask is 64 bits.
    private const int MaxWordLength = 48;

    // Results are cached per word form (news repeats its words); the cache stops growing at this size.
    private const int MaxCachedForms = 200_000;

    private static readonly Lazy<CliticSegmenter> DefaultInstance = new(() => new CliticSegmenter(
        LoadClitics(DataFiles.Path("ar", "clitics.tsv")),
        WordLexicon.Load(DataFiles.Path("ar", "clitic-guard.tsv")),
        WordLexicon.WordFrequencies,
        new CliticSegmenterOptions()));

    private readonly Clitic[] _proclitics;
    private readonly Clitic[] _enclitics;
    private readonly WordLexicon _guard;
    private readonly WordLexicon _counts;
    private readonly CliticSegmenterOptions _options;

    // One cache per value of "the original last letter is ة ى or ئ"; words with a hamza alef are not cached.
    private readonly ConcurrentDictionary<string, Segmentation>[] _cache = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly ConcurrentDictionary<string, Segmentation>.AlternateLookup<ReadOnlySpan<char>>[] _cacheLookup;
    private readonly string _firstLetters;
    private readonly string _lastLetters;
    private int _cached;

    public CliticSegmenter(IEnumerable<Clitic> clitics, WordLexicon guard, WordLexicon counts, CliticSegmenterOptions options)
    {
        var all = clitics.ToArray();

        // Proclitics in slot order, longest first within a slot (لل before ل); enclitics longest first (هما before ها before ه).
        _proclitics = all.Where(c => c.IsProclitic).OrderBy(c => c.Slot).ThenByDescending(c => c.Form.Length).ToArray();
        _enclitics = all.Where(c => !c.IsProclitic).OrderByDescending(c => c.Form.Length).ToArray();
        _guard = guard;
        _counts = counts;
        _options = options;
        _cacheLookup = [_cache[0].GetAlternateLookup<ReadOnlySpan<char>>(), _cache[1].GetAlternateLookup<ReadOnlySpan<char>>()];
        _firstLetters = new string(_proclitics.Select(c => c.Form[0]).Distinct().ToArray());
        _lastLetters = new string(_enclitics.Select(c => c.Form[^1]).Distinct().ToArray());
    }

    /// <summary>The segmenter over the shipped data files, loaded once.</summary>
    public static CliticSegmenter Default => DefaultInstance.Value;

    /// <summary>Reads <c>clitics.tsv</c> rows: form, side (pro|en), slot, min_remainder, ratio, next ('-' for any), article (yes|no), attaches (noun|verb|both).</summary>
    public static IReadOnlyList<Clitic> LoadClitics(string path) =>
        TsvLexicon.ReadRows(path).Select(f =>
        {
            if (f.Length < 8 || f[1] is not ("pro" or "en") || f[7] is not ("noun" or "verb" or "both"))
            {
                throw new FormatException($"{path}: a clitic row needs 8 fields (form, pro|en, slot, min_remainder, ratio, next, yes|no, noun|verb|both), got '{string.Join('\t', f)}'");
            }

            return new Clitic(
                f[0],
                f[1] == "pro",
                int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture),
                f[5] == "-" ? "" : f[5],
                f[6] == "yes",
                f[7] != "verb");
        }).ToArray();

    /// <summary>Segments a word as written (diacritics and hamza forms allowed); lengths count normalized characters.</summary>
    public Segmentation Segment(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWordLength * 2)
        {
            return default;
        }

        Span<char> buffer = stackalloc char[word.Length];
        var n = 0;
        foreach (var c in word)
        {
            var m = ArabicNormalizer.Map(c);
            if (m != '\0')
            {
                buffer[n++] = m;
            }
        }

        return Segment(buffer[..n], word);
    }

    /// <summary>Segments a word given both its normalized form and its original form (which tells ة from ه and أ from ا).</summary>
    public Segmentation Segment(ReadOnlySpan<char> normalized, ReadOnlySpan<char> original)
    {
        if (normalized.Length < 3 || normalized.Length > MaxWordLength)
        {
            return default;
        }

        ulong hamzaAlef = 0;
        var finalIsStemLetter = false;
        var k = 0;
        foreach (var c in original)
        {
            var m = ArabicNormalizer.Map(c);
            if (m == '\0')
            {
                continue;
            }

            if (m == 'ا' && c is 'أ' or 'إ' or 'آ' && k < 64)
            {
                hamzaAlef |= 1UL << k;
            }

            finalIsStemLetter = c is 'ة' or 'ى' or 'ئ';
            k++;
        }

        // Most words can hold no clitic at all: neither their first nor their last letter can start or end one.
        if (!_firstLetters.Contains(normalized[0]) && (finalIsStemLetter || !_lastLetters.Contains(normalized[^1])))
        {
            return default;
        }

        if (hamzaAlef != 0)
        {
            return SegmentNormalized(normalized, hamzaAlef, finalIsStemLetter);
        }

        var lookup = _cacheLookup[finalIsStemLetter ? 1 : 0];
        if (lookup.TryGetValue(normalized, out var cached))
        {
            return cached;
        }

        var result = SegmentNormalized(normalized, 0, finalIsStemLetter);
        if (Volatile.Read(ref _cached) < MaxCachedForms && lookup.TryAdd(normalized, result))
        {
            Interlocked.Increment(ref _cached);
        }

        return result;
    }

    /// <summary>The segmentation of every token (empty for tokens that are not Arabic words), aligned by index.</summary>
    public Segmentation[] SegmentAll(string text, NormalizedText normalized, IReadOnlyList<Token> tokens)
    {
        var result = new Segmentation[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word)
            {
                result[i] = Segment(t.Norm.Slice(normalized.Text), t.Span.Slice(text));
            }
        }

        return result;
    }

    private Segmentation SegmentNormalized(ReadOnlySpan<char> word, ulong hamzaAlef, bool finalIsStemLetter)
    {
        if (_guard.Contains(word))
        {
            return default;
        }

        var pos = 0;
        var slot = 1;
        var article = false;
        var guarded = false;
        while (slot <= 3)
        {
            var rest = word[pos..];
            if (pos > 0 && _guard.Contains(rest))
            {
                guarded = true;
                break;
            }

            if (IsGuardedStemWithEnclitic(rest))
            {
                break;
            }

            var accepted = false;
            foreach (var c in _proclitics)
            {
                if (c.Slot < slot || !rest.StartsWith(c.Form, StringComparison.Ordinal))
                {
                    continue;
                }

                var rem = rest[c.Form.Length..];
                if (rem.Length < c.MinRemainder || (c.NextLetters.Length > 0 && !c.NextLetters.Contains(rem[0])))
                {
                    continue;
                }

                if (c.HasArticle && c.Form[0] == 'ا' && pos < 64 && (hamzaAlef & (1UL << pos)) != 0)
                {
                    continue;
                }

                bool ok;
                if (c.Ratio <= 0)
                {
                    // The article needs no count: an unknown noun after ال is still a noun.
                    ok = !_guard.Contains(rest) && (rem.Length >= _options.MinArticleStem || Evidence(rem, 4, 0, finalIsStemLetter) >= _options.MinStemCount);
                }
                else if (_guard.Contains(rem))
                {
                    // A guarded word is a known stem, names included: وقرطبة = و + قرطبة even when the corpus never saw it.
                    ok = true;
                }
                else
                {
                    var evidence = Evidence(rem, c.Slot + 1, 0, finalIsStemLetter);
                    ok = evidence >= _options.MinStemCount && evidence >= c.Ratio * _counts.ValueOf(rest);
                }

                if (ok)
                {
                    pos += c.Form.Length;
                    slot = c.Slot + 1;
                    article |= c.HasArticle;
                    accepted = true;
                    break;
                }
            }

            if (!accepted)
            {
                break;
            }
        }

        var suffix = 0;
        if (!article && !finalIsStemLetter && !guarded && (pos == 0 || !_guard.Contains(word[pos..])))
        {
            suffix = EncliticLength(word[pos..]);
        }

        return new Segmentation((byte)pos, (byte)suffix);
    }

    /// <summary>True when the form is a guarded word plus an enclitic (لديه = لدي + ه، ولايته = ولاية + ه): its first letters are stem letters.</summary>
    private bool IsGuardedStemWithEnclitic(ReadOnlySpan<char> form)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        foreach (var c in _enclitics)
        {
            if (form.Length - c.Form.Length < 2 || !form.EndsWith(c.Form, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = form[..^c.Form.Length];
            if (_guard.Contains(stem))
            {
                return true;
            }

            // ولايته = ولاية + ه: the stem's ة is written ت before a pronoun.
            if (stem[^1] == 'ت' && stem.Length <= MaxWordLength)
            {
                var alt = buffer[..stem.Length];
                stem.CopyTo(alt);
                alt[^1] = 'ه';
                if (_guard.Contains(alt))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private int EncliticLength(ReadOnlySpan<char> rest)
    {
        var restCount = -1;
        foreach (var c in _enclitics)
        {
            if (!rest.EndsWith(c.Form, StringComparison.Ordinal) || rest.Length - c.Form.Length < c.MinRemainder)
            {
                continue;
            }

            if (restCount < 0)
            {
                restCount = _counts.ValueOf(rest);
            }

            var stem = rest[..^c.Form.Length];
            var evidence = StemCount(stem);
            if (evidence >= _options.MinStemCount && evidence >= c.Ratio * restCount)
            {
                return c.Form.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// How well a remainder is attested: its own count, or the best count of what remains after further clitics
    /// of later slots, or of its stem without a safe enclitic (one whose ratio is at most 1).
    /// </summary>
    private int Evidence(ReadOnlySpan<char> rem, int nextSlot, int depth, bool finalIsStemLetter)
    {
        var best = _counts.ValueOf(rem);
        if (depth >= 3)
        {
            return best;
        }

        var article = false;
        foreach (var c in _proclitics)
        {
            if (c.Slot < nextSlot || !rem.StartsWith(c.Form, StringComparison.Ordinal) || rem.Length - c.Form.Length < Math.Max(c.MinRemainder, 2))
            {
                continue;
            }

            var deeper = rem[c.Form.Length..];
            if (c.NextLetters.Length > 0 && !c.NextLetters.Contains(deeper[0]))
            {
                continue;
            }

            article |= c.HasArticle;
            best = Math.Max(best, Evidence(deeper, c.Slot + 1, depth + 1, finalIsStemLetter));
        }

        if (!article && !finalIsStemLetter && nextSlot <= 4)
        {
            foreach (var c in _enclitics)
            {
                if (c.Ratio <= 1 && rem.EndsWith(c.Form, StringComparison.Ordinal) && rem.Length - c.Form.Length >= c.MinRemainder)
                {
                    best = Math.Max(best, StemCount(rem[..^c.Form.Length]));
                }
            }
        }

        return best;
    }

    /// <summary>The count of a stem found before an enclitic, trying the spelling it has at the end of a word.</summary>
    private int StemCount(ReadOnlySpan<char> stem)
    {
        var best = _counts.ValueOf(stem);
        if (stem.Length < 2 || stem.Length > MaxWordLength)
        {
            return best;
        }

        Span<char> alt = stackalloc char[stem.Length + 1];
        stem.CopyTo(alt);
        var last = stem[^1];
        switch (last)
        {
            case 'ت':
                // حكومتها → حكومة (normalized حكومه)
                alt[stem.Length - 1] = 'ه';
                best = Math.Max(best, _counts.ValueOf(alt[..stem.Length]));
                break;
            case 'ا':
                // مستواه → مستوى (normalized مستوي)
                alt[stem.Length - 1] = 'ي';
                best = Math.Max(best, _counts.ValueOf(alt[..stem.Length]));
                break;
            case 'و':
                // ابناؤهم → أبناء; ضربوه → ضربوا
                alt[stem.Length - 1] = 'ء';
                best = Math.Max(best, _counts.ValueOf(alt[..stem.Length]));
                alt[stem.Length - 1] = 'و';
                alt[stem.Length] = 'ا';
                best = Math.Max(best, _counts.ValueOf(alt));
                break;
            case 'ي':
                // ابنائهم → أبناء
                alt[stem.Length - 1] = 'ء';
                best = Math.Max(best, _counts.ValueOf(alt[..stem.Length]));
                break;
        }

        return best;
    }
}
