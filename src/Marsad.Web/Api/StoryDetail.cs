using Marsad.Corpus;

namespace Marsad.Web.Api;

/// <summary>A story page: its sources side by side, timeline, discrepancies, framing table, events and near-duplicates.</summary>
public sealed record StoryDetail(
    StorySummary Story,
    IReadOnlyList<StorySource> Sources,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<DiscrepancyView> Discrepancies,
    IReadOnlyList<FramingRow> Framing,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<DuplicateView> Duplicates);
