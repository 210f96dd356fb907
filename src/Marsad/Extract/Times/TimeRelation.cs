namespace Marsad.Extract.Times;

/// <summary>Where a relation word places a period, month or weekday against the publication date.</summary>
public enum TimeRelation
{
    None,
    Past,
    This,
    Next,

    /// <summary>On or after the publication date: a day a schedule word announces ("من المقرر أن … الأحد"), which may be today.</summary>
    Ahead,
}
