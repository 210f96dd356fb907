using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Finds discrepancies among the documents of one story (quantities, event dates) or, when the story has a single
/// document, within it (a weekday that does not match its date). The time and event layers plug in here.
/// </summary>
public interface IDiscrepancySource
{
    IEnumerable<Discrepancy> Find(Story story, IReadOnlyList<Document> documents);
}
