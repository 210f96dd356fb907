namespace Marsad.Web.Api;

/// <summary>
/// A trend: what is counted (<c>type</c>, <c>actor</c>, <c>place</c> — events —, or <c>outlet</c> — documents), per
/// <c>day</c> or <c>week</c> (a week named by its Monday), every period from the first to the last counted one, and the
/// series of the keys counted most, largest first.
/// </summary>
public sealed record TrendView(string Dimension, string Bucket, IReadOnlyList<string> Periods, IReadOnlyList<TrendSeries> Series);
