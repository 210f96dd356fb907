namespace Marsad.Extract.Events;

/// <summary>
/// Settings of the event layer. <see cref="StateKinds"/>: actor kinds (actors.tsv) whose attacks are a state's
/// strikes; <see cref="PublishedFallback"/>: an event with arguments but no time in its sentence takes the
/// publication date, as news reports the day's events undated (a bare mention never does).
/// </summary>
public sealed record EventOptions
{
    public static EventOptions Default { get; } = new();

    public IReadOnlySet<string> StateKinds { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "government", "armed_forces", "ministry" };

    public bool PublishedFallback { get; init; } = true;

    /// <summary>How many words after a verb its subject may start ("تسلم وزير الخارجية فؤاد حسين").</summary>
    public int SubjectWindow { get; init; } = 4;

    /// <summary>How many words after a noun trigger its genitive target may start ("قصف قواعد التحالف").</summary>
    public int ObjectWindow { get; init; } = 4;
}
