using Marsad.Storage.Knowledge;
using Marsad.Web.Api;

namespace Marsad.Web;

/// <summary>
/// The answers of <c>/api/trends</c> kept between requests: a trend over the whole store counts every event (or
/// document) of it, so its cost grows with the store, while its answer changes only when the store does. Rules: an
/// answer is kept under the store's change stamp (<see cref="IKnowledgeReader.ChangeStamp"/>), read from the store at
/// every question (one row), so a write by any process (analyze, a worker, watch, a re-analysis) makes it stale; the
/// stamp is read before the answer, so an answer is never kept under a stamp newer than what it saw; a question is its
/// dimension, bucket and number of keys and the filters a trend reads (not a list's page or cursor); memory is bounded
/// by the cells kept (periods × series, <see cref="MaxCells"/>) and the answers kept (<see cref="MaxAnswers"/>), the
/// least recently asked dropped first.
/// </summary>
public sealed class TrendCache
{
    /// <summary>Answers kept at most.</summary>
    public const int MaxAnswers = 64;

    /// <summary>Counts kept at most over all answers (a few megabytes); a larger answer is not kept.</summary>
    public const int MaxCells = 1_000_000;

    private readonly Lock _lock = new();

    private readonly LinkedList<Kept> _recent = new();

    private readonly Dictionary<Question, LinkedListNode<Kept>> _kept = [];

    private long _cells;

    /// <summary>The answer to the question, from the cache while the store's stamp is the one it was read under, else from <paramref name="read"/>.</summary>
    public TrendView Answer(IKnowledgeReader reader, KnowledgeQuery query, string? dimension, string? bucket, int? keys, Func<TrendView> read)
    {
        var stamp = reader.ChangeStamp();
        var question = new Question(dimension ?? "", bucket ?? "", keys, query with { Cursor = null, Limit = KnowledgeQuery.DefaultLimit, Document = null });
        lock (_lock)
        {
            if (_kept.TryGetValue(question, out var node) && node.Value.Stamp == stamp)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.View;
            }
        }

        var view = read();
        var cells = (long)view.Periods.Count * (view.Series.Count + 1);
        lock (_lock)
        {
            if (_kept.Remove(question, out var stale))
            {
                Drop(stale);
            }

            if (cells <= MaxCells)
            {
                _kept[question] = _recent.AddFirst(new Kept(question, stamp, view, cells));
                _cells += cells;
                while (_kept.Count > MaxAnswers || _cells > MaxCells)
                {
                    var oldest = _recent.Last!;
                    _kept.Remove(oldest.Value.Question);
                    Drop(oldest);
                }
            }
        }

        return view;
    }

    private void Drop(LinkedListNode<Kept> node)
    {
        _recent.Remove(node);
        _cells -= node.Value.Cells;
    }

    private sealed record Question(string Dimension, string Bucket, int? Keys, KnowledgeQuery Query);

    private sealed record Kept(Question Question, string Stamp, TrendView View, long Cells);
}
