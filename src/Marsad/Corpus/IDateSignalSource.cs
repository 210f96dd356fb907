using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>Reads a document's <see cref="DateSignal"/>; a time layer plugs in here with its resolved dates.</summary>
public interface IDateSignalSource
{
    DateSignal Read(Document document);
}
