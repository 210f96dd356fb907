using System.Text.Json;

namespace Marsad.Web.Api;

/// <summary>A document view: its summary, text, annotation spans to highlight, and its full contract object.</summary>
public sealed record DocumentDetail(DocumentSummary Document, string Text, IReadOnlyList<Highlight> Annotations, JsonElement Analysis);
