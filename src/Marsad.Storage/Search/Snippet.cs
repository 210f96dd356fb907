using Marsad.Model;

namespace Marsad.Storage.Search;

/// <summary>
/// A passage of a field with the spans (into <see cref="Text"/>) of the words that matched the query; a highlight
/// shifted by <see cref="Offset"/> is its span in the whole field.
/// </summary>
public sealed record Snippet(string Text, IReadOnlyList<TextSpan> Highlights, int Offset = 0)
{
    public static Snippet Empty { get; } = new("", []);
}
