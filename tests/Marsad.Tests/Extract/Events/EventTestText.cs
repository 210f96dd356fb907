using Marsad.Analysis;
using Marsad.Model;

namespace Marsad.Tests.Extract.Events;

/// <summary>Runs the default pipeline over a short text written for a test, dated by its page.</summary>
internal static class EventTestText
{
    public static readonly DateOnly Published = new(2024, 3, 14);

    private static readonly AnnotationPipeline Pipeline = DefaultPipeline.Create();

    public static Document Analyze(string text, string id = "t", string? outlet = null)
    {
        var d = new Document(id, text) { Published = Published, PublishedFrom = PublishedFrom.Metadata, Outlet = outlet };
        Pipeline.Run(d);
        return d;
    }
}
