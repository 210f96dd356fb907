using System.Text.Json;
using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Export;

/// <summary>Writes a document's <c>entities</c> mentions and the analysis's top-level <c>entities</c> catalogue.</summary>
public static class EntityJson
{
    public static void WriteMentions(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray();
        if (d.TryGet(EntityLayers.Entities, out var mentions))
        {
            foreach (var m in mentions)
            {
                w.WriteStartObject();
                w.WriteString("text", m.Mention.Span.Slice(d.Text));
                w.WriteNumber("start", m.Mention.Span.Start);
                w.WriteNumber("end", m.Mention.Span.End);
                w.WriteString("type", m.Mention.Type);
                w.WriteString("ref", m.Ref);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    /// <summary>The catalogue of every entity the documents mention, one entry per ref.</summary>
    public static void WriteCatalog(Utf8JsonWriter w, IEnumerable<Document> documents)
    {
        var catalog = new EntityCatalog();
        foreach (var d in documents)
        {
            if (d.TryGet(EntityLayers.Entities, out var mentions))
            {
                catalog.Add(mentions);
            }
        }

        w.WriteStartArray();
        foreach (var e in catalog.Entities())
        {
            WriteEntity(w, e);
        }

        w.WriteEndArray();
    }

    /// <summary>One entry of the catalogue.</summary>
    public static void WriteEntity(Utf8JsonWriter w, CatalogEntity e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type);
        w.WriteString("name", e.Name);
        AnalysisJson.WriteNullable(w, "nameEn", e.NameEn);
        w.WriteStartArray("aliases");
        foreach (var a in e.Aliases)
        {
            w.WriteStringValue(a);
        }

        w.WriteEndArray();
        if (e.Lat is { } lat && e.Lon is { } lon)
        {
            w.WriteNumber("lat", Math.Round(lat, 5));
            w.WriteNumber("lon", Math.Round(lon, 5));
        }
        else
        {
            w.WriteNull("lat");
            w.WriteNull("lon");
        }

        AnalysisJson.WriteNullable(w, "country", e.Country);
        AnalysisJson.WriteNullable(w, "kind", e.Kind);
        w.WriteEndObject();
    }
}
