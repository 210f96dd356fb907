namespace Marsad.Extract.Times;

/// <summary>Where a relation word places a period, month or weekday against the publication date.</summary>
public enum TimeRelation
{
    None,
    Past,
    This,
    Next,
}
