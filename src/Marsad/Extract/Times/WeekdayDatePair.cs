namespace Marsad.Extract.Times;

/// <summary>A weekday expression and the calendar date written beside it, as indices into the expression list.</summary>
public readonly record struct WeekdayDatePair(int Weekday, int Date);
