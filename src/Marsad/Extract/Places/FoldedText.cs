using Marsad.Model;

namespace Marsad.Extract.Places;

/// <summary>
/// A text in the matching form of <see cref="NameKey"/> (normalized, Latin lower-cased, diacritics dropped) with
/// its words and a map back to the original offsets. Rules: a word is a run of letters or digits; two words are
/// <see cref="Joined"/> when only spaces or quotation marks lie between them (no line break, no punctuation), so
/// a name never runs across a sentence or a line.
/// </summary>
public sealed class FoldedText
{
    private readonly int[] _toOriginal;

    public FoldedText(string original)
    {
        Original = original;
        var chars = new char[original.Length];
        _toOriginal = new int[original.Length + 1];
        var n = 0;
        for (var i = 0; i < original.Length; i++)
        {
            var m = NameKey.Fold(original[i]);
            if (m == '\0')
            {
                continue;
            }

            chars[n] = m;
            _toOriginal[n] = i;
            n++;
        }

        _toOriginal[n] = original.Length;
        Text = new string(chars, 0, n);

        var words = new List<TextSpan>(n / 5 + 1);
        var start = -1;
        for (var i = 0; i <= Text.Length; i++)
        {
            var isWord = i < Text.Length && char.IsLetterOrDigit(Text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(new TextSpan(start, i));
                start = -1;
            }
        }

        Words = words;
    }

    public string Original { get; }

    /// <summary>The folded text.</summary>
    public string Text { get; }

    /// <summary>The words, as spans of <see cref="Text"/>.</summary>
    public IReadOnlyList<TextSpan> Words { get; }

    public ReadOnlySpan<char> Word(int index) => Text.AsSpan(Words[index].Start, Words[index].Length);

    /// <summary>True when words <paramref name="index"/> - 1 and <paramref name="index"/> belong to one phrase.</summary>
    public bool Joined(int index)
    {
        if (index <= 0)
        {
            return false;
        }

        for (var i = Words[index - 1].End; i < Words[index].Start; i++)
        {
            var c = Text[i];
            if (c is not (' ' or '\t' or '\u00A0' or '"' or '“' or '”' or '«' or '»' or '\'' or '‘' or '’'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The original offset of a folded offset.</summary>
    public int ToOriginal(int folded) => _toOriginal[folded];

    /// <summary>The span of the original text a folded span came from.</summary>
    public TextSpan ToOriginal(int start, int end) =>
        end <= start ? new TextSpan(_toOriginal[start], _toOriginal[start]) : new TextSpan(_toOriginal[start], _toOriginal[end - 1] + 1);

    /// <summary>The smallest folded offset whose original offset is at or after <paramref name="originalOffset"/>.</summary>
    public int FoldedAt(int originalOffset)
    {
        int lo = 0, hi = Text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_toOriginal[mid] < originalOffset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The words a span of the original text covers, even partly (a mention that leaves out a proclitic starts
    /// inside a word): first and last index; Last &lt; First when none.
    /// </summary>
    public (int First, int Last) WordRange(TextSpan span)
    {
        var start = FoldedAt(span.Start);
        var end = FoldedAt(span.End);
        int lo = 0, hi = Words.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Words[mid].End <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var last = lo - 1;
        while (last + 1 < Words.Count && Words[last + 1].Start < end)
        {
            last++;
        }

        return (lo, last);
    }

    /// <summary>The part of word <paramref name="index"/> that lies inside a span of the original text.</summary>
    public ReadOnlySpan<char> WordPart(int index, TextSpan span)
    {
        var w = Words[index];
        var start = Math.Max(w.Start, FoldedAt(span.Start));
        var end = Math.Min(w.End, FoldedAt(span.End));
        return end > start ? Text.AsSpan(start, end - start) : [];
    }
}
