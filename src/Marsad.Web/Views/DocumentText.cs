using System.Text.Json;
using Marsad.Arabic;
using Marsad.Model;
using Marsad.Web.Api;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>
/// A stored document as views read it: its summary, its text, and its contract object. A mention is quoted with the
/// sentence that holds it: the engine's sentence splitter runs on the line of the mention only (the contract keeps no
/// sentence layer), and a span across sentences is quoted with its whole line.
/// </summary>
internal sealed class DocumentText
{
    // The sentences of each line already split (by the line's start): an event's mentions often share a paragraph.
    private readonly Dictionary<int, IReadOnlyList<Sentence>> _lines = [];

    private static readonly JsonElement NoJson = Parse("{}");

    private DocumentText(DocumentSummary summary, string text, JsonElement json)
    {
        Summary = summary;
        Text = text;
        Json = json;
    }

    public DocumentSummary Summary { get; }

    public string Text { get; }

    public JsonElement Json { get; }

    public static DocumentText Of(string json, string? story)
    {
        var root = Parse(json);
        var text = Str(root, "text") ?? "";
        var summary = new DocumentSummary(Str(root, "id") ?? "", Str(root, "title"), Str(root, "outlet"), Str(root, "published"),
            Str(root, "publishedFrom") ?? "none", story ?? Str(root, "story"), Str(root, "url"), text.Length);
        return new DocumentText(summary, text, root);
    }

    /// <summary>A document to quote, from its summary and text (its <see cref="Json"/> is an empty object).</summary>
    public static DocumentText Of(Marsad.Storage.Knowledge.DocumentTextRow row) =>
        new(DocumentViews.Of(row.Row), row.Text, NoJson);

    public Quote Quote(int start, int end)
    {
        start = Math.Clamp(start, 0, Text.Length);
        end = Math.Clamp(end, start, Text.Length);
        var sentence = SentenceAt(start, end);
        return new Quote(Summary.Id, Summary.Title, Summary.Outlet, start, end, Text[start..end], Text[sentence.Start..sentence.End], sentence.Start);
    }

    private TextSpan SentenceAt(int start, int end)
    {
        var from = start == 0 ? 0 : Text.LastIndexOf('\n', start - 1) + 1;
        var to = Text.IndexOf('\n', end);
        var line = new TextSpan(from, to < 0 ? Text.Length : to);
        if (!_lines.TryGetValue(line.Start, out var sentences))
        {
            _lines[line.Start] = sentences = SentenceSplitter.Default.Split(Text[line.Start..line.End]);
        }

        foreach (var s in sentences)
        {
            if (line.Start + s.Span.Start <= start && end <= line.Start + s.Span.End)
            {
                return new TextSpan(line.Start + s.Span.Start, line.Start + s.Span.End);
            }
        }

        return line;
    }
}
