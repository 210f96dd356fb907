namespace Marsad.Model;

/// <summary>Why the cleaner dropped a piece of the page (the contract's <c>removed[].reason</c>).</summary>
public enum RemovalReason
{
    Cookie,
    Related,
    Ad,
    Share,
    Promo,
    Comments,
    Caption,
    Duplicate,
    Other,
}

/// <summary>A line or inline fragment the cleaner removed from the article, with its reason.</summary>
public sealed record Removal(string Text, RemovalReason Reason);
