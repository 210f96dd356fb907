namespace Marsad.Storage.Knowledge;

/// <summary>
/// Opens the knowledge reader a <c>--db</c> argument names (SQLite or PostgreSQL, as <see cref="StoreFactory"/> reads
/// it), and walks paged answers. Rules: a store that keeps no knowledge base is refused with a message that says how to
/// fill one; a walk reads one page at a time, so a reader never holds more than a page.
/// </summary>
public static class KnowledgeReaders
{
    public static IKnowledgeReader Open(string? dbArg)
    {
        var store = StoreFactory.Open(dbArg);
        if (store is IKnowledgeReader reader)
        {
            return reader;
        }

        store.Dispose();
        throw new InvalidOperationException($"the store {StoreFactory.Redact(dbArg ?? "")} keeps no knowledge base: analyze documents into it with 'marsad analyze INPUT... --db …'");
    }

    /// <summary>Every item of a paged answer from <paramref name="query"/>'s cursor on, read page by page as enumerated.</summary>
    public static IEnumerable<T> All<T>(Func<KnowledgeQuery, Page<T>> read, KnowledgeQuery query)
    {
        var q = query;
        while (true)
        {
            var page = read(q);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.Next is null || page.Items.Count == 0)
            {
                yield break;
            }

            q = q with { Cursor = page.Next };
        }
    }

    /// <summary>
    /// The ids of the documents that mention an event of one of <paramref name="types"/> within <paramref name="window"/>
    /// (its dates, outlet, country, actor and story; its type and cursor are ignored): what a search by event type means.
    /// </summary>
    public static HashSet<string> EventDocuments(IKnowledgeReader reader, IEnumerable<string> types, KnowledgeQuery window)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            foreach (var e in All(reader.Events, window with { Type = type, Cursor = null, Limit = KnowledgeQuery.MaxLimit }))
            {
                ids.UnionWith(e.Documents);
            }
        }

        return ids;
    }
}
