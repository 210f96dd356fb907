namespace Marsad.Ingest;

/// <summary>
/// Guesses an input's format from its decoded text, for files whose extension says nothing. Rules: text
/// starting with '&lt;' is a feed when its root element is rss, rdf:RDF or feed, else HTML when it
/// holds markup; text starting with '{' whose first line is a whole object followed by more is JSON Lines;
/// '{' or '[' is JSON; anything else is plain text.
/// </summary>
public static class FormatSniffer
{
    public static InputFormat Sniff(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            return InputFormat.Text;
        }

        switch (trimmed[0])
        {
            case '<':
                if (FeedArticleReader.IsFeedRoot(FeedArticleReader.RootElement(text)))
                {
                    return InputFormat.Feed;
                }

                return HtmlArticleExtractor.LooksLikeHtml(text) || trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
                    ? InputFormat.Html
                    : InputFormat.Text;
            case '{':
                var firstLine = trimmed.IndexOf('\n');
                return firstLine > 0 && trimmed[..firstLine].TrimEnd().EndsWith('}') && !trimmed[firstLine..].Trim().IsEmpty
                    && trimmed[firstLine..].TrimStart().StartsWith('{')
                    ? InputFormat.JsonLines
                    : InputFormat.Json;
            case '[':
                return InputFormat.Json;
            default:
                return InputFormat.Text;
        }
    }
}
