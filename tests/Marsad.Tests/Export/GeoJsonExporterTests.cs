using System.Text.Json.Nodes;
using Marsad.Export;

namespace Marsad.Tests.Export;

public sealed class GeoJsonExporterTests
{
    [Fact]
    public void FeatureCollectionWithLonLatPointsAndNullGeometry()
    {
        using var stream = new MemoryStream();
        GeoJsonExporter.Write(stream, [CsvExporterTests.Row, CsvExporterTests.Row with { Id = "v2", Latitude = null, Longitude = null }]);
        var root = JsonNode.Parse(stream.ToArray())!;

        Assert.Equal("FeatureCollection", root["type"]!.GetValue<string>());
        var features = root["features"]!.AsArray();
        Assert.Equal(2, features.Count);
        Assert.Equal("Feature", features[0]!["type"]!.GetValue<string>());
        Assert.Equal("Point", features[0]!["geometry"]!["type"]!.GetValue<string>());
        Assert.Equal(44.19, features[0]!["geometry"]!["coordinates"]![0]!.GetValue<double>());
        Assert.Equal(32.87, features[0]!["geometry"]!["coordinates"]![1]!.GetValue<double>());
        Assert.Equal("Explosions/Remote violence", features[0]!["properties"]!["event_type"]!.GetValue<string>());
        Assert.Equal(1, features[0]!["properties"]!["geo_precision"]!.GetValue<int>());
        Assert.Null(features[1]!["geometry"]);
    }
}
