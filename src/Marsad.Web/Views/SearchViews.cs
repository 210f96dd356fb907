using System.Globalization;
using Marsad.Storage.Knowledge;
using Marsad.Web.Api;
using SearchQuery = Marsad.Storage.Search.SearchQuery;

namespace Marsad.Web.Views;

/// <summary>
/// Search: words ranked by the store's Lucene index (<see cref="StoreSearch"/>: BM25 over the Arabic search analyzer,
/// so وبالعراق is found for العراق), narrowed by date and outlet, and by event type through the knowledge base's
/// events (the documents that mention an event of that type). The cursor is the rank to go on from; every page says
/// how many documents match in all.
/// </summary>
internal static class SearchViews
{
    private const int MaxSnippet = 160;

    // Paging deeper than this re-ranks too much for one request: refine the query instead.
    private const int MaxRank = 5000;

    public static SearchPage Search(StoreSearch search, IKnowledgeReader reader, string? q, KnowledgeQuery query)
    {
        var offset = 0;
        if (query.Cursor is { } cursor && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > MaxRank))
        {
            throw new FormatException($"cursor: '{cursor}' is not a search cursor");
        }

        var limit = query.ClampedLimit;
        HashSet<string>? documents = null;
        if (query.Type is { } type)
        {
            documents = KnowledgeReaders.EventDocuments(reader, type.Split(',', StringSplitOptions.RemoveEmptyEntries), query with { Outlet = null });
        }

        if ((string.IsNullOrWhiteSpace(q) && documents is null) || documents is { Count: 0 })
        {
            return new SearchPage([], null, 0);
        }

        var results = search.Search(new SearchQuery
        {
            Text = q ?? "",
            From = query.From is null ? null : DateOnly.ParseExact(query.From, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = query.To is null ? null : DateOnly.ParseExact(query.To, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Outlets = query.Outlet is null ? [] : [query.Outlet],
            Documents = documents,
            Limit = offset + limit + 1,
            SnippetLength = MaxSnippet,
        });
        var hits = new List<SearchHit>();
        foreach (var hit in results.Hits.Skip(offset).Take(limit))
        {
            var inTitle = hit.Snippet.Highlights.Count == 0 && hit.Title.Highlights.Count > 0;
            var passage = inTitle ? hit.Title : hit.Snippet;
            var first = passage.Highlights.Count > 0 ? passage.Highlights[0] : default;
            hits.Add(new SearchHit(
                hit.Id,
                hit.Title.Text.Length > 0 ? hit.Title.Text : null,
                hit.Outlet,
                hit.Published,
                Math.Round(hit.Score, 3),
                inTitle ? "title" : "text",
                passage.Text,
                [.. passage.Highlights.Select(h => new Highlight(h.Start, h.End, "match", "", null))],
                first.Start + (passage.Highlights.Count > 0 ? passage.Offset : 0),
                first.End + (passage.Highlights.Count > 0 ? passage.Offset : 0)));
        }

        var next = results.Hits.Count > offset + limit && offset + limit <= MaxRank ? (offset + limit).ToString(CultureInfo.InvariantCulture) : null;
        return new SearchPage(hits, next, results.TotalHits);
    }
}
