namespace Marsad.Corpus;

/// <summary>One term an outlet may use for an actor (a row of <c>data/corpus/actor-designations.tsv</c>), with its stems.</summary>
public sealed record ActorDesignation(string Term, string Actor, string Frame, IReadOnlyList<string> Stems);
