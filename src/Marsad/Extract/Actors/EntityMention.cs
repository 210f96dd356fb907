using Marsad.Model;

namespace Marsad.Extract.Actors;

/// <summary>A typed entity mention of a document: its text, its span in the document text and its type (PER, ORG, GPE, LOC, FAC, MISC).</summary>
public readonly record struct EntityMention(string Text, TextSpan Span, string Type)
{
    /// <summary>The mention at a span of a text.</summary>
    public static EntityMention At(string text, TextSpan span, string type) => new(span.Of(text), span, type);
}
