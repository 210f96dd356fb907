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
/// <item>a run of words (or a quoted phrase) that names an actor of the catalogue is one clause matched by any of the
/// actor's aliases (<see cref="ActorAliasExpansion"/>; those not written weigh <see cref="AliasBoost"/>);</item>
/// <item>a query of several clauses adds optional phrase and proximity clauses that only rank (the whole query as a
/// sloppy phrase, neighbouring words as shingles): the documents matched, and their number, are those of the clauses
/// above;</item>
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

    /// <summary>The weight of an actor's alias the analyst did not write, against the name written (1).</summary>
    public const float AliasBoost = 0.5f;

    /// <summary>The whole query as a sloppy phrase: its words near each other, in order or nearly.</summary>
    public const float QueryPhraseBoost = 4f;

    public const int QueryPhraseSlop = 3;

    /// <summary>
    /// Two neighbouring words of the query next to each other (عين الأسد, not الأسد … عينات): the weight of all the pairs
    /// together, shared among them, so a long query (a pasted headline) is not ranked by its common word pairs.
    /// </summary>
    public const float ShinglePhraseBoost = 2f;

    public const int ShingleSlop = 1;

    /// <summary>Share of the clauses a document must match when the query has several (rounded down, at least 1).</summary>
    public const double MinShouldMatch = 0.5;

    /// <summary>The most words and phrases (and the most entity filters) a query may have, well under Lucene's 1,024 clauses.</summary>
    public const int MaxClauses = 256;

    private static readonly string[] TextFields = [SearchFields.Title, SearchFields.Entities, SearchFields.Text];

    /// <summary>The ranking query, or null when the text holds no searchable term; the analyzed terms go to <paramref name="terms"/>.</summary>
    public static Query? BuildText(Analyzer analyzer, string text, ISet<string> terms)
    {
        var parts = Split(text).ToList();
        if (parts.Count > MaxClauses)
        {
            throw new ArgumentException($"the query has {parts.Count} words or phrases; at most {MaxClauses} are allowed");
        }

        var units = Units(analyzer, parts);
        if (units.Count == 0)
        {
            return null;
        }

        foreach (var unit in units)
        {
            foreach (var phrase in unit.Phrases)
            {
                foreach (var (term, _) in phrase)
                {
                    terms.Add(term);
                }
            }
        }

        var core = units.Count == 1 ? UnitQuery(units[0]) : AtLeast(units.Select(UnitQuery).ToList());
        if (units.Count == 1)
        {
            return core;
        }

        // Proximity ranks, it does not select: the documents matched are those of the core query alone.
        var ranked = new BooleanQuery { { core, Occur.MUST } };
        foreach (var q in Proximity(units))
        {
            ranked.Add(q, Occur.SHOULD);
        }

        return ranked;
    }

    /// <summary>
    /// The phrase and proximity boosts of a query of several units: the whole query as a sloppy phrase
    /// (<see cref="QueryPhraseBoost"/>, slop <see cref="QueryPhraseSlop"/>), and each pair of neighbouring units as a
    /// shingle (slop <see cref="ShingleSlop"/>; the pairs share <see cref="ShinglePhraseBoost"/>), in the title and the body. A unit an
    /// actor expanded takes part by the words the analyst wrote.
    /// </summary>
    private static IEnumerable<Query> Proximity(List<Unit> units)
    {
        var sequence = new List<(string Term, int Position)>();
        var next = 0;
        var bounds = new List<(int First, int Last)>();
        foreach (var unit in units)
        {
            var written = unit.Phrases[0];
            var firstIndex = sequence.Count;
            foreach (var (term, position) in written)
            {
                sequence.Add((term, next + position));
            }

            next += written[^1].Position + 1;
            bounds.Add((firstIndex, sequence.Count - 1));
        }

        if (sequence.Count > MaxClauses)
        {
            yield break;
        }

        yield return Fields(sequence, QueryPhraseSlop, QueryPhraseBoost);
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var left = sequence[bounds[i].Last];
            var right = sequence[bounds[i + 1].First];
            yield return Fields([left, right], ShingleSlop, ShinglePhraseBoost / (bounds.Count - 1));
        }
    }

    /// <summary>A phrase in the title (boosted by <see cref="TitleBoost"/>) or the body, the better of the two counting.</summary>
    private static Query Fields(IReadOnlyList<(string Term, int Position)> terms, int slop, float boost)
    {
        var first = terms[0].Position;
        var perField = new DisjunctionMaxQuery(0.1f) { Boost = boost };
        foreach (var field in (string[])[SearchFields.Title, SearchFields.Text])
        {
            var phrase = new PhraseQuery { Slop = slop, Boost = field == SearchFields.Title ? TitleBoost : 1f };
            foreach (var (term, position) in terms)
            {
                phrase.Add(new Term(field, term), position - first);
            }

            perField.Add(phrase);
        }

        return perField;
    }

    /// <summary>One unit: a word or phrase in every text field; an actor's name as any of its aliases (those the analyst did not write weigh <see cref="AliasBoost"/>).</summary>
    private static Query UnitQuery(Unit unit)
    {
        if (unit.Phrases.Count == 1)
        {
            return InFields(unit.Phrases[0]);
        }

        var any = new DisjunctionMaxQuery(0f);
        for (var i = 0; i < unit.Phrases.Count; i++)
        {
            var q = InFields(unit.Phrases[i]);
            if (i > 0)
            {
                q.Boost = AliasBoost;
            }

            any.Add(q);
        }

        return any;
    }

    /// <summary>A term or phrase matched in the title, the entity names or the body, the best field counting most.</summary>
    private static Query InFields(IReadOnlyList<(string Term, int Position)> analyzed)
    {
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

        return perField;
    }

    /// <summary>The units as optional clauses of which a share (<see cref="MinShouldMatch"/>) must match.</summary>
    private static BooleanQuery AtLeast(List<Query> clauses)
    {
        var query = new BooleanQuery();
        foreach (var c in clauses)
        {
            query.Add(c, Occur.SHOULD);
        }

        query.MinimumNumberShouldMatch = Math.Max(1, (int)(clauses.Count * MinShouldMatch));
        return query;
    }

    /// <summary>
    /// The units of a query: each quoted phrase, and each word, except that a run of words that names an actor
    /// (<see cref="ActorAliasExpansion"/>) is one unit matched by any of the actor's aliases; so is a quoted phrase that is
    /// an actor's name. The first phrase of a unit is what the analyst wrote.
    /// </summary>
    private static List<Unit> Units(Analyzer analyzer, List<(string Text, bool Quoted)> parts)
    {
        var aliases = ActorAliasExpansion.For(analyzer);
        var analyzed = parts.Select(p => (Terms: Analyze(analyzer, p.Text), p.Quoted)).Where(p => p.Terms.Count > 0).ToList();
        var units = new List<Unit>();
        var i = 0;
        while (i < analyzed.Count)
        {
            var (terms, quoted) = analyzed[i];
            if (quoted || terms.Count > 1)
            {
                var (length, names) = aliases.Match([.. terms.Select(t => t.Term)], 0);
                units.Add(length == terms.Count ? new Unit(Expanded(terms, names)) : new Unit([terms]));
                i++;
                continue;
            }

            // A run of single unquoted words: the longest that names an actor becomes one unit.
            var run = new List<string>();
            for (var j = i; j < analyzed.Count && !analyzed[j].Quoted && analyzed[j].Terms.Count == 1; j++)
            {
                run.Add(analyzed[j].Terms[0].Term);
            }

            var (span, found) = aliases.Match(run, 0);
            if (span > 0)
            {
                var written = run.Take(span).Select((t, k) => (t, k)).ToList();
                units.Add(new Unit(Expanded(written, found)));
                i += span;
            }
            else
            {
                units.Add(new Unit([terms]));
                i++;
            }
        }

        return units;
    }

    /// <summary>The written phrase first, then the actor's other aliases.</summary>
    private static List<IReadOnlyList<(string Term, int Position)>> Expanded(
        IReadOnlyList<(string Term, int Position)> written, IReadOnlyList<(string Term, int Position)[]> aliases)
    {
        var phrases = new List<IReadOnlyList<(string Term, int Position)>> { written };
        foreach (var alias in aliases)
        {
            if (!alias.Select(a => a.Term).SequenceEqual(written.Select(w => w.Term)))
            {
                phrases.Add(alias);
            }
        }

        return phrases;
    }

    /// <summary>One clause of the query: the phrases that may match it (one, or an actor's aliases).</summary>
    private sealed record Unit(IReadOnlyList<IReadOnlyList<(string Term, int Position)>> Phrases);

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
    public static IEnumerable<string> SplitClauses(string text) => Split(text).Select(p => p.Text);

    /// <summary>Words and "quoted phrases", each said quoted or not.</summary>
    private static IEnumerable<(string Text, bool Quoted)> Split(string text)
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

                yield return (text[(i + 1)..end], true);
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            yield return (text[start..i], false);
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
    internal static List<(string Term, int Position)> Analyze(Analyzer analyzer, string text)
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
