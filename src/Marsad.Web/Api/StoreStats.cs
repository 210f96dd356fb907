namespace Marsad.Web.Api;

/// <summary>The size of what is served: the engine version and the counts of each contract section.</summary>
public sealed record StoreStats(string Schema, string Engine, int Documents, int Stories, int Events, int Entities, int Discrepancies, int Duplicates);
