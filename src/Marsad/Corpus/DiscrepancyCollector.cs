using Marsad.Corpus.Events;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Runs every discrepancy source over every story and gathers the results, in story order then source order.
/// The default sources are the documents' own discrepancies (weekdays), the quantity finder, the events' tolls and dates, and the deadlines outlets give.
/// </summary>
public sealed class DiscrepancyCollector
{
    public DiscrepancyCollector(IReadOnlyList<IDiscrepancySource>? sources = null) =>
        Sources = sources ?? [new DocumentDiscrepancySource(), new QuantityDiscrepancyFinder(), new CasualtyDiscrepancySource(), new DateDiscrepancySource(), new DeadlineDiscrepancySource()];

    public IReadOnlyList<IDiscrepancySource> Sources { get; }

    public IReadOnlyList<Discrepancy> Collect(IReadOnlyList<Story> stories, IEnumerable<Document> documents)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            byId.TryAdd(d.Id, d);
        }

        var all = new List<Discrepancy>();
        foreach (var story in stories)
        {
            var members = story.Documents.Select(id => byId.GetValueOrDefault(id)).OfType<Document>().ToList();
            foreach (var source in Sources)
            {
                all.AddRange(source.Find(story, members));
            }
        }

        return all;
    }
}
