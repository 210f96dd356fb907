namespace Marsad.Extract.Events;

/// <summary>How a trigger is asserted: as a fact, negated, in the future, under a condition, governed by an intention (continue), or as what is to be stopped or prevented.</summary>
public enum Modality
{
    Fact,
    Negated,
    Future,
    Conditional,
    Governed,
    Prevented,
}
