namespace Marsad.Corpus;

/// <summary>
/// One term an outlet may use for an actor (a row of <c>data/corpus/actor-designations.tsv</c>), with its stems and the
/// countries (ISO2) a document must be mostly about for the term to name this actor; null: anywhere.
/// </summary>
public sealed record ActorDesignation(string Term, string Actor, string Frame, IReadOnlyList<string> Stems, IReadOnlySet<string>? Where = null)
{
    public bool AppliesIn(string? country) => Where is null || (country is not null && Where.Contains(country));
}
