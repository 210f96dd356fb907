namespace Marsad.Corpus;

/// <summary>How often one outlet used one term for one actor, and in how many of its documents.</summary>
public sealed record FramingRow(string Outlet, string Actor, string Term, string Frame, int Mentions, int Documents);
