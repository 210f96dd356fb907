using System.Text.RegularExpressions;
using Marsad.Model;

namespace Marsad.Extract.Times;

/// <summary>
/// One rule of <c>patterns.tsv</c>: its name, default kind and \G-anchored regex. The regex is interpreted until its
/// compiled form is ready (<see cref="TimeLexicon"/> compiles the rules in the background: compiling them all takes
/// seconds, the largest part of a cold start); both forms match the same.
/// </summary>
public sealed class TimeRule(string name, TimeKind kind, Regex pattern)
{
    private Regex _pattern = pattern;

    public string Name { get; } = name;

    public TimeKind Kind { get; } = kind;

    public Regex Pattern => Volatile.Read(ref _pattern);

    internal void UseCompiled(Regex compiled) => Volatile.Write(ref _pattern, compiled);
}
