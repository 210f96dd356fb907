using Marsad.Model;

namespace Marsad.Ingest.Metadata;

/// <summary>What an article says about itself: headline, publisher and publication date with its origin.</summary>
public sealed record ArticleMetadata(string? Title, string? Outlet, DateOnly? Published, PublishedFrom PublishedFrom);
