namespace Marsad.Web.Api;

/// <summary>Two near-duplicate documents and their similarity.</summary>
public sealed record DuplicateView(string A, string B, double Similarity);
