using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marsad.Storage.Search;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into Lucene queries, analyzing the text with the index's analyzer. Rules:
/// <list type="bullet">
/// <item>the text is split into words and "quoted phrases"; each becomes one clause, matched in the title (boost
/// <see cref="TitleBoost"/>), the entity names (<see cref="EntityBoost"/>) or the body, the best field counting most;</item>
/// <item>clauses are optional (ranked by BM25, more clauses matched rank higher), except that a query of several
/// clauses needs at least <see cref="MinShouldMatch"/> of them to match;</item>
/// <item>a word the analyzer splits (F-16) is a phrase; a word the analyzer drops (a stop word) is no clause;</item>
/// <item>a query of more than <see cref="MaxClauses"/> words and phrases, or filtered by more than <see cref="MaxClauses"/>
/// entities, is refused with an <see cref="ArgumentException"/> that says so (Lucene would fail past its clause limit);</item>
/// <item>filters: dates inclusive on the day, any of the outlets, each of the entities as a phrase in the entity
/// names, any of the event types. With filters and no text, every filtered document matches.</item>
/// </list>
/// </summary>
public static class SearchQueryBuilder
{
    public const float TitleBoost = 2f;
    public const float EntityBoost = 1.5f;

    /// <summary>Share of the clauses a document must match when the query has several (rounded down, at least 1).</summary>
    public const double MinShouldMatch = 0.5;

    /// <summary>The most words and phrases (and the most entity filters) a query may have, well under Lucene's 1,024 clauses.</summary>
    public const int MaxClauses = 256;

    private static readonly string[] TextFields = [SearchFields.Title, SearchFields.Entities, SearchFields.Text];

    /// <summary>The ranking query, or null when the text holds no searchable term; the analyzed terms go to <paramref name="terms"/>.</summary>
    public static Query? BuildText(Analyzer analyzer, string text, ISet<string> terms)
    {
        var clauses = new List<Query>();
        var parts = SplitClauses(text).ToList();
        if (parts.Count > MaxClauses)
        {
            throw new ArgumentException($"the query has {parts.Count} words or phrases; at most {MaxClauses} are allowed");
        }

        foreach (var part in parts)
        {
            var analyzed = Analyze(analyzer, part);
            if (analyzed.Count == 0)
            {
                continue;
            }

            foreach (var (term, _) in analyzed)
            {
                terms.Add(term);
            }

            var perField = new DisjunctionMaxQuery(0.1f);
            foreach (var field in TextFields)
            {
                Query q;
                if (analyzed.Count == 1)
                {
                    q = new TermQuery(new Term(field, analyzed[0].Term));
                }
                else
                {
                    var phrase = new PhraseQuery();
                    foreach (var (term, position) in analyzed)
                    {
                        phrase.Add(new Term(field, term), position);
                    }

                    q = phrase;
                }

                q.Boost = field switch
                {
                    SearchFields.Title => TitleBoost,
                    SearchFields.Entities => EntityBoost,
                    _ => 1f,
                };
                perField.Add(q);
            }

            clauses.Add(perField);
        }

        if (clauses.Count == 0)
        {
            return null;
        }

        if (clauses.Count == 1)
        {
            return clauses[0];
        }

        var query = new BooleanQuery();
        foreach (var c in clauses)
        {
            query.Add(c, Occur.SHOULD);
        }

        query.MinimumNumberShouldMatch = Math.Max(1, (int)(clauses.Count * MinShouldMatch));
        return query;
    }

    /// <summary>The filter of a query, or null when it has none.</summary>
    public static Filter? BuildFilter(Analyzer analyzer, SearchQuery query)
    {
        var all = new BooleanQuery();
        if (query.From is not null || query.To is not null)
        {
            int? from = query.From is { } f ? SearchKeys.Day(f) : null;
            int? to = query.To is { } t ? SearchKeys.Day(t) : null;
            all.Add(NumericRangeQuery.NewInt32Range(SearchFields.PublishedDay, from, to, true, true), Occur.MUST);
        }

        if (query.Entities.Count > MaxClauses || query.Outlets.Count > MaxClauses)
        {
            throw new ArgumentException($"a query may name at most {MaxClauses} entities or outlets");
        }

        AddAny(all, query.Outlets.Select(o => (Query)new TermQuery(new Term(SearchFields.OutletKey, SearchKeys.Outlet(o)))));
        if (query.Documents is { } documents)
        {
            // A terms filter over the id field: any number of ids, no clause limit.
            all.Add(new ConstantScoreQuery(new FieldCacheTermsFilter(SearchFields.Id, [.. documents])), Occur.MUST);
        }

        foreach (var entity in query.Entities)
        {
            var analyzed = Analyze(analyzer, entity);
            if (analyzed.Count == 0)
            {
                throw new ArgumentException($"the entity '{entity}' has no searchable word");
            }

            var phrase = new PhraseQuery();
            foreach (var (term, position) in analyzed)
            {
                phrase.Add(new Term(SearchFields.Entities, term), position);
            }

            all.Add(phrase, Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    /// <summary>Words and "quoted phrases" of a query text; an unclosed quote runs to the end.</summary>
    public static IEnumerable<string> SplitClauses(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] is '"' or '«' or '“')
            {
                var close = text[i] switch { '«' => '»', '“' => '”', _ => '"' };
                var end = text.IndexOf(close, i + 1);
                if (end < 0)
                {
                    end = text.Length;
                }

                yield return text[(i + 1)..end];
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            yield return text[start..i];
        }
    }

    private static void AddAny(BooleanQuery all, IEnumerable<Query> options)
    {
        var any = new BooleanQuery();
        foreach (var q in options)
        {
            any.Add(q, Occur.SHOULD);
        }

        if (any.Clauses.Count > 0)
        {
            all.Add(any, Occur.MUST);
        }
    }

    /// <summary>The analyzed terms of a text with their positions (gaps kept where stop words were).</summary>
    private static List<(string Term, int Position)> Analyze(Analyzer analyzer, string text)
    {
        var result = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(SearchFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            result.Add((term.ToString(), position));
        }

        stream.End();

        // Positions relative to the first term, so a leading stop word does not shift the phrase.
        var first = result.Count > 0 ? result[0].Item2 : 0;
        return result.Select(r => (r.Item1, r.Item2 - first)).ToList();
    }
}
