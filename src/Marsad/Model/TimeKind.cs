namespace Marsad.Model;

/// <summary>The TIMEX3 type of a time expression (the contract's <c>times[].kind</c>).</summary>
public enum TimeKind
{
    Date,
    Time,
    Duration,
    Set,
}
