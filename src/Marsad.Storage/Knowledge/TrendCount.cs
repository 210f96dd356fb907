namespace Marsad.Storage.Knowledge;

/// <summary>How many of a trend's rows fall on one day (ISO) for one key (an event type, entity id or outlet).</summary>
public sealed record TrendCount(string Day, string Key, int Count);
