namespace Marsad.Extract.Times;

/// <summary>A calendar or clock unit of a duration, a relative period or a recurrence.</summary>
public enum TimeUnit
{
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Decade,
    Century,
}
