using Marsad.Arabic;
using Marsad.Extract.Places;
using Marsad.Model;

namespace Marsad.Extract.Actors;

/// <summary>
/// Finds named weapon and aircraft models (<c>data/actors/weapon_models.tsv</c>) as MISC mentions and puts them among
/// the other mentions. Rules:
/// <list type="bullet">
/// <item>a designation is its letters and its number: أس-300, إيل-20, سو-24, بركان H2; the letters may carry a
/// proclitic (left out of the mention); a space may stand for the hyphen except after letters that are also common
/// words (إن 20 is "that 20");</item>
/// <item>a model known by its name alone (توماهوك) is its word;</item>
/// <item>a model replaces the mentions it overlaps (the tagger reads إيل in إيل-20 as a name of its own).</item>
/// </list>
/// </summary>
public sealed class WeaponModels
{
    private static readonly Lazy<WeaponModels> DefaultInstance = new(() => new WeaponModels(
        TsvLexicon.ReadData("actors", "weapon_models.tsv").Where(r => r.Length >= 2).Select(r => (r[0], r[1])), Proclitics.Default));

    private readonly Dictionary<string, string> _kinds = new(StringComparer.Ordinal);
    private readonly Proclitics _proclitics;

    public WeaponModels(IEnumerable<(string Form, string Kind)> rows, Proclitics proclitics)
    {
        foreach (var (form, kind) in rows)
        {
            if (kind is not ("prefix" or "prefix-hyphen" or "name"))
            {
                throw new InvalidDataException($"weapon_models.tsv: '{form}' has kind '{kind}'; valid: prefix, prefix-hyphen, name");
            }

            _kinds[NameKey.Of(form)] = kind;
        }

        _proclitics = proclitics;
    }

    public static WeaponModels Default => DefaultInstance.Value;

    /// <summary>The model mentions of a text, in text order.</summary>
    public IReadOnlyList<EntityMention> Find(FoldedText text)
    {
        var found = new List<EntityMention>();
        for (var i = 0; i < text.Words.Count; i++)
        {
            var (kind, cut) = KindOf(text.Word(i).ToString());
            if (kind is null)
            {
                continue;
            }

            var start = text.Words[i].Start + cut;
            if (kind == "name")
            {
                found.Add(EntityMention.At(text.Original, text.ToOriginal(start, text.Words[i].End), "MISC"));
                continue;
            }

            if (i + 1 >= text.Words.Count || !HasDigit(text.Word(i + 1)) || text.Word(i + 1).Length > 5)
            {
                continue;
            }

            var gap = text.Text.AsSpan(text.Words[i].End, text.Words[i + 1].Start - text.Words[i].End);
            var hyphen = gap.Trim(" \u00A0").Length == 1 && gap.Trim(" \u00A0")[0] is '-' or '\u2010' or '\u2011' or '\u2013';
            var space = gap.Length == 1 && gap[0] is ' ' or '\u00A0';
            if (hyphen || (space && kind == "prefix"))
            {
                found.Add(EntityMention.At(text.Original, text.ToOriginal(start, text.Words[i + 1].End), "MISC"));
                i++;
            }
        }

        return found;
    }

    /// <summary>The mentions with the models of the text put in (a longer mention stays), in text order.</summary>
    public IReadOnlyList<EntityMention> Apply(FoldedText text, IReadOnlyList<EntityMention> mentions) =>
        EntityMentionMerger.PutIn(mentions, Find(text), (m, q) => m.Span.Length > q.Span.Length);

    private (string? Kind, int Cut) KindOf(string word)
    {
        if (_kinds.TryGetValue(word, out var kind))
        {
            return (kind, 0);
        }

        foreach (var (stem, prefix, fused) in _proclitics.Strip(word))
        {
            if (!fused && _kinds.TryGetValue(stem, out kind))
            {
                return (kind, prefix);
            }
        }

        return (null, 0);
    }

    private static bool HasDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
