namespace Marsad.Web.Api;

/// <summary>
/// Counts over time of one key of a trend (an event type, actor, place or outlet): <see cref="Counts"/> holds one count
/// per period of <see cref="TrendView.Periods"/>, in the same order.
/// </summary>
public sealed record TrendSeries(string Key, string Label, int Total, IReadOnlyList<int> Counts);
