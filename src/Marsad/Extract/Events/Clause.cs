namespace Marsad.Extract.Events;

/// <summary>A clause as a token range [First, End) of its sentence; <see cref="Relative"/> when a relative pronoun opens it.</summary>
public readonly record struct Clause(int First, int End, bool Relative);
