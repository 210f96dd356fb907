namespace Marsad.Arabic;

/// <summary>
/// One written form of a Gregorian month (a row of <c>data/ar/months.tsv</c>), in normalized form. <see cref="Bare"/>
/// is false for a form that is also a common word (مارس "practised", اب "father") or a bare abbreviation (ك2): it
/// names a month only beside a day, a year, a modifier or the word شهر.
/// </summary>
public sealed record MonthName(string Form, int Month, string Region, string Kind, bool Bare = true);
