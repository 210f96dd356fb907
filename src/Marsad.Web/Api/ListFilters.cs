using Marsad.Storage.Knowledge;

namespace Marsad.Web.Api;

/// <summary>
/// The query parameters of a list endpoint: the page (<c>limit</c>, <c>cursor</c> from the previous page's
/// <c>next</c>) and the filters (<c>from</c>/<c>to</c> as YYYY-MM-DD, YYYY-MM or YYYY; <c>outlet</c>; <c>country</c> as
/// ISO2; <c>actor</c> as an entity id; <c>type</c> as an event type; <c>story</c>), each narrowing the answer.
/// </summary>
public sealed class ListFilters
{
    public int? Limit { get; set; }

    public string? Cursor { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Outlet { get; set; }

    public string? Country { get; set; }

    public string? Actor { get; set; }

    public string? Type { get; set; }

    public string? Story { get; set; }

    /// <summary>The reader's query; a <see cref="FormatException"/> names a bad date.</summary>
    public KnowledgeQuery ToQuery() => new()
    {
        Limit = Limit ?? KnowledgeQuery.DefaultLimit,
        Cursor = Blank(Cursor),
        From = Day(From, "from", first: true),
        To = Day(To, "to", first: false),
        Outlet = Blank(Outlet),
        Country = Blank(Country)?.ToUpperInvariant(),
        Actor = Blank(Actor),
        Type = Blank(Type)?.ToLowerInvariant(),
        Story = Blank(Story),
    };

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    private static string? Day(string? value, string name, bool first)
    {
        try
        {
            return QueryDates.Day(value, first);
        }
        catch (FormatException ex)
        {
            throw new FormatException(name + ": " + ex.Message, ex);
        }
    }
}
