using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Passes on the discrepancies an annotator found inside one document (the time layer's weekday that does not
/// match its written date), so that they are listed with the story's other discrepancies.
/// </summary>
public sealed class DocumentDiscrepancySource : IDiscrepancySource
{
    public IEnumerable<Discrepancy> Find(Story story, IReadOnlyList<Document> documents) =>
        documents.SelectMany(d => d.Get(Layers.Discrepancies));
}
