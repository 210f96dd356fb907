namespace Marsad.Web.Api;

/// <summary>A mention in a document: its span and text, and the sentence that holds it (the span of the sentence starts at SentenceStart).</summary>
public sealed record Quote(string Doc, string? Title, string? Outlet, int Start, int End, string Text, string Sentence, int SentenceStart);
