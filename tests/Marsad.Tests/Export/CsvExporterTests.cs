using System.Text;
using Marsad.Export;

namespace Marsad.Tests.Export;

public sealed class CsvExporterTests
{
    internal static readonly EventRow Row = new("v1", "2024-03-12", "Explosions/Remote violence", "Air/drone strike", "United States", "Popular Mobilization Forces",
        "Jurf al-Sakhar", 32.87, 44.19, "وكالة, الأولى", "2 document(s) \"x\"", 3, TimePrecision: 1, Country: "Iraq", Admin1: "Babil", GeoPrecision: 1);

    [Fact]
    public void HeaderAndQuotedRow()
    {
        using var stream = new MemoryStream();
        CsvExporter.Write(stream, [Row]);
        var bytes = stream.ToArray();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities", lines[0]);
        Assert.Equal("v1,2024-03-12,1,Explosions/Remote violence,Air/drone strike,United States,Popular Mobilization Forces,Iraq,Babil,,Jurf al-Sakhar,32.87,44.19,1,\"وكالة, الأولى\",\"2 document(s) \"\"x\"\"\",3", lines[1]);
    }

    [Fact]
    public void FormulaStartsInTextAreNeutralizedButNotNegativeNumbers()
    {
        using var stream = new MemoryStream();
        CsvExporter.Write(stream, [Row with { Actor1 = "=HYPERLINK(\"x\")", Location = "@SUM(1)", Notes = "-1+2", Longitude = -44.19 }]);
        var line = Encoding.UTF8.GetString(stream.ToArray()[3..]).Split("\r\n")[1];
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", line, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(1),", line, StringComparison.Ordinal);
        Assert.Contains(",'-1+2,", line, StringComparison.Ordinal);
        Assert.Contains(",32.87,-44.19,", line, StringComparison.Ordinal);
    }
}
