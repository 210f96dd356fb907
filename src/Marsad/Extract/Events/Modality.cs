namespace Marsad.Extract.Events;

/// <summary>How a trigger is asserted: as a fact, negated, in the future, under a condition, or governed by an intention (continue, stop).</summary>
public enum Modality
{
    Fact,
    Negated,
    Future,
    Conditional,
    Governed,
}
