using Marsad.Arabic;
using Marsad.Extract.Places;

namespace Marsad.Extract.Actors;

/// <summary>
/// Drops mentions that are a generic noun alone (<c>data/actors/generic_nouns.tsv</c>: البرلمان, المنظمة, النظام…),
/// with or without proclitics (للنظام); a longer name that holds one (حزب الله، الاتحاد الأوروبي) stays.
/// </summary>
public sealed class GenericNouns
{
    private static readonly Lazy<GenericNouns> DefaultInstance = new(() => new GenericNouns(
        TsvLexicon.ReadData("actors", "generic_nouns.tsv").Select(r => r[0]), Proclitics.Default));

    private readonly HashSet<string> _words;
    private readonly Proclitics _proclitics;

    public GenericNouns(IEnumerable<string> words, Proclitics proclitics)
    {
        _words = words.Select(w => NameKey.Of(w)).ToHashSet(StringComparer.Ordinal);
        _proclitics = proclitics;
    }

    public static GenericNouns Default => DefaultInstance.Value;

    /// <summary>True when the mention's text is a generic noun alone.</summary>
    public bool IsGeneric(string mention)
    {
        var key = NameKey.Of(mention);
        if (key.Length == 0 || key.Contains(' '))
        {
            return false;
        }

        return _words.Contains(key) || _proclitics.Strip(key).Any(s => _words.Contains(s.Stem));
    }

    /// <summary>The mentions that are not generic nouns, in their order.</summary>
    public IReadOnlyList<EntityMention> Filter(IReadOnlyList<EntityMention> mentions) =>
        mentions.Any(m => IsGeneric(m.Text)) ? mentions.Where(m => !IsGeneric(m.Text)).ToList() : mentions;
}
