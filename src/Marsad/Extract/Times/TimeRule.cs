using System.Text.RegularExpressions;
using Marsad.Model;

namespace Marsad.Extract.Times;

/// <summary>One compiled rule of <c>patterns.tsv</c>: its name, default kind and \G-anchored regex.</summary>
public sealed record TimeRule(string Name, TimeKind Kind, Regex Pattern);
