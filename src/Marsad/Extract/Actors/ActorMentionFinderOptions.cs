namespace Marsad.Extract.Actors;

/// <summary>
/// What <see cref="ActorMentionFinder"/> looks for. Titles of people (رئيس الوزراء العراقي) are off by default: the
/// annotation policy does not count them as entity mentions, but the linker still resolves them when asked.
/// </summary>
public sealed record ActorMentionFinderOptions
{
    public bool Actors { get; init; } = true;

    public bool Places { get; init; } = true;

    /// <summary>Dated generic names of organizations (وزارة الدفاع، مجلس النواب), resolved by the linker.</summary>
    public bool GenericNames { get; init; } = true;

    /// <summary>Titles of people (رئيس الوزراء العراقي), typed PER.</summary>
    public bool PersonTitles { get; init; }
}
