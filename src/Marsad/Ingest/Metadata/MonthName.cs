namespace Marsad.Ingest.Metadata;

/// <summary>One written form of a Gregorian month (a row of <c>data/ar/months.tsv</c>), in normalized form.</summary>
public sealed record MonthName(string Form, int Month, string Region, string Kind);
