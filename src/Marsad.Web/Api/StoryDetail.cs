using Marsad.Corpus;

namespace Marsad.Web.Api;

/// <summary>
/// A story page: its first sources side by side, timeline, discrepancies, framing table, first events and
/// near-duplicates; <see cref="MoreSources"/> and <see cref="MoreEvents"/> are the cursors of the rest
/// (<c>/api/documents?story=…</c>, <c>/api/events?story=…</c>), null when all are shown.
/// </summary>
public sealed record StoryDetail(
    StorySummary Story,
    IReadOnlyList<StorySource> Sources,
    string? MoreSources,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<DiscrepancyView> Discrepancies,
    IReadOnlyList<FramingRow> Framing,
    IReadOnlyList<EventView> Events,
    string? MoreEvents,
    IReadOnlyList<DuplicateView> Duplicates);
