using Marsad.Model;

namespace Marsad.Extract.Quotes;

/// <summary>The quote layer: reported speech with its speaker and channel.</summary>
public static class QuoteLayers
{
    public static readonly LayerKey<IReadOnlyList<QuoteMention>> Quotes = new("quotes");
}
