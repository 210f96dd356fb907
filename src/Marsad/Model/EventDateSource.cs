namespace Marsad.Model;

/// <summary>Where an event's date came from: a time expression of its clause, of its sentence, the publication date, or nowhere.</summary>
public enum EventDateSource
{
    None,
    Clause,
    Sentence,
    Published,
}
