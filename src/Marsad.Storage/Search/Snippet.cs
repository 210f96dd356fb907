using Marsad.Model;

namespace Marsad.Storage.Search;

/// <summary>A passage of a field with the spans (into <see cref="Text"/>) of the words that matched the query.</summary>
public sealed record Snippet(string Text, IReadOnlyList<TextSpan> Highlights)
{
    public static Snippet Empty { get; } = new("", []);
}
