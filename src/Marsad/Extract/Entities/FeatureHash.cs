namespace Marsad.Extract.Entities;

/// <summary>
/// 64-bit FNV-1a hashing of feature parts, so feature keys are built from spans without allocating strings.
/// A key starts from a template id and mixes in strings and separators; collisions at 64 bits are negligible.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Start(int template) => Mix(Offset, (uint)template);

    public static ulong Mix(ulong h, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            h = (h ^ c) * Prime;
        }

        // A terminator keeps ("ab","c") apart from ("a","bc").
        return (h ^ 0xFFFF) * Prime;
    }

    public static ulong Mix(ulong h, uint value)
    {
        for (var i = 0; i < 4; i++)
        {
            h = (h ^ (value & 0xFF)) * Prime;
            value >>= 8;
        }

        return h;
    }

    public static ulong Mix(ulong h, ulong value) => Mix(Mix(h, (uint)value), (uint)(value >> 32));

    /// <summary>The hash of a whole string, used to key gazetteer phrases token by token.</summary>
    public static ulong Of(ReadOnlySpan<char> text) => Mix(Offset, text);
}
