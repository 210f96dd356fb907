using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// A number about a countable thing in one document: its value, unit (the head noun's, e.g. <c>soldier</c>), the places
/// it is scoped to (normalized stems, e.g. عراق and سوريا for "في العراق وسوريا"; empty when none), and the words that say it.
/// <see cref="Lede"/>: it stands in the document's opening sentences, which tell the story's main event.
/// </summary>
public sealed record QuantityClaim(string Doc, decimal Value, bool Approx, string Unit, IReadOnlyList<string> Scope, string ScopeText, TextSpan Span, string Text, bool Lede = false)
{
    /// <summary>The scope as one comparable key (stems in ordinal order).</summary>
    public string ScopeKey => string.Join('+', Scope.Order(StringComparer.Ordinal));
}
