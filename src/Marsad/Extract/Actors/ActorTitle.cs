namespace Marsad.Extract.Actors;

/// <summary>
/// A dated descriptive alias of titles.tsv: the title (or generic name) stands for <see cref="Actor"/> from
/// <see cref="From"/> (inclusive) until <see cref="Until"/> (exclusive); null bounds are open.
/// </summary>
public sealed record ActorTitle(Actor Actor, DateOnly? From, DateOnly? Until, string Source)
{
    public bool Holds(DateOnly date) => (From is null || From.Value <= date) && (Until is null || date < Until.Value);
}
