using Marsad.Storage.Knowledge;
using Marsad.Web.Api;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>An entity of the catalogue as lists show it, with its names and coordinates from its contract object.</summary>
internal static class EntityViews
{
    public static EntityView Of(EntityRow row)
    {
        var json = ReadCache.Json(row);
        var e = row.Entity;
        return new EntityView(e.Id, e.Type, e.Name, Str(json, "nameEn"), Strings(json, "aliases"), Num(json, "lat"), Num(json, "lon"),
            e.Country ?? Str(json, "country"), row.Mentions, row.Documents);
    }
}
