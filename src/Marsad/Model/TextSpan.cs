namespace Marsad.Model;

/// <summary>A half-open range [Start, End) of UTF-16 code units in a document's cleaned text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, End - Start);

    public string Of(string text) => text.Substring(Start, End - Start);
}
