namespace Marsad.Model;

/// <summary>Where a document's publication date came from (the contract's <c>publishedFrom</c>).</summary>
public enum PublishedFrom
{
    None,
    Metadata,
    Text,
    Story,
}
