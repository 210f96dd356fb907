using Marsad.Storage.Knowledge;

namespace Marsad.Web;

/// <summary>
/// The answers of <see cref="IKnowledgeReader.Trend"/> kept between requests: a trend over the whole store counts every
/// event (or document) of it, so its cost grows with the store, while its answer changes only when the store does.
/// Rules: an answer is kept under the store's change stamp (<see cref="IKnowledgeReader.ChangeStamp"/>), read from the
/// store at every question (one row), so a write by any process (analyze, a worker, watch, a re-analysis) makes it
/// stale; the stamp is read before the answer, so an answer is never kept under a stamp newer than what it saw; a
/// question is its dimension, its number of keys and the filters a trend reads (not the page or cursor); memory is
/// bounded by the rows kept (<see cref="MaxRows"/>) and the answers kept (<see cref="MaxAnswers"/>), the least recently
/// asked dropped first.
/// </summary>
public sealed class TrendCache
{
    /// <summary>Answers kept at most.</summary>
    public const int MaxAnswers = 64;

    /// <summary>Trend rows (a day and key's count) kept at most, over all answers: tens of megabytes at most.</summary>
    public const int MaxRows = 200_000;

    private readonly Lock _lock = new();

    private readonly LinkedList<Answer> _recent = new();

    private readonly Dictionary<Question, LinkedListNode<Answer>> _answers = [];

    private int _rows;

    public IReadOnlyList<TrendCount> Trend(IKnowledgeReader reader, TrendDimension dimension, KnowledgeQuery query, int keys)
    {
        var stamp = reader.ChangeStamp();
        var question = new Question(dimension, keys, query with { Cursor = null, Limit = KnowledgeQuery.DefaultLimit, Document = null });
        lock (_lock)
        {
            if (_answers.TryGetValue(question, out var node) && node.Value.Stamp == stamp)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Counts;
            }
        }

        var counts = reader.Trend(dimension, query, keys);
        lock (_lock)
        {
            if (_answers.Remove(question, out var stale))
            {
                Drop(stale);
            }

            if (counts.Count <= MaxRows)
            {
                var node = _recent.AddFirst(new Answer(question, stamp, counts));
                _answers[question] = node;
                _rows += counts.Count;
                while (_answers.Count > MaxAnswers || _rows > MaxRows)
                {
                    var oldest = _recent.Last!;
                    _answers.Remove(oldest.Value.Question);
                    Drop(oldest);
                }
            }
        }

        return counts;
    }

    private void Drop(LinkedListNode<Answer> node)
    {
        _recent.Remove(node);
        _rows -= node.Value.Counts.Count;
    }

    private sealed record Question(TrendDimension Dimension, int Keys, KnowledgeQuery Query);

    private sealed record Answer(Question Question, string Stamp, IReadOnlyList<TrendCount> Counts);
}
