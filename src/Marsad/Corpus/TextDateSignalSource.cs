using Marsad.Ingest.Metadata;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// The date signal from the document alone, until a time layer resolves its expressions. Rules:
/// <list type="bullet">
/// <item><see cref="Document.Published"/> is the point when present;</item>
/// <item>otherwise the latest full date written in the text (day, month, year: "24 كانون الثاني 2024", "3-4-2021"),
/// found around each four-digit year of the numbers layer (<see cref="Layers.Numbers"/>) — a bare year ("منذ عام 2003")
/// recalls history and is not a point;</item>
/// <item>the latest year 1900–2100 written in digits is the lower bound <see cref="DateSignal.MinYear"/>.</item>
/// </list>
/// Immutable: one instance serves many threads.
/// </summary>
public sealed class TextDateSignalSource : IDateSignalSource
{
    /// <summary>Characters before a year searched for its day and month ("5 يناير/كانون الثاني 2020" needs about 25).</summary>
    private const int DateWindow = 32;

    private readonly DatelineParser _parser;

    public TextDateSignalSource(DatelineParser? parser = null) => _parser = parser ?? DatelineParser.Default;

    public static TextDateSignalSource Default { get; } = new();

    public DateSignal Read(Document document)
    {
        var minYear = 0;
        DateOnly? latest = null;
        foreach (var number in document.Get(Layers.Numbers))
        {
            if (number.IsWords || number.Value != decimal.Truncate(number.Value) || number.Value is < 1900 or > 2100 || number.Span.Length != 4)
            {
                continue;
            }

            var year = (int)number.Value;
            minYear = Math.Max(minYear, year);
            if (document.Published is null)
            {
                var start = Math.Max(0, number.Span.Start - DateWindow);
                var window = document.Text[start..number.Span.End];
                if (_parser.TryParse(window, out var date) && date.Year == year && (latest is null || date > latest))
                {
                    latest = date;
                }
            }
        }

        return new DateSignal(document.Published ?? latest, minYear);
    }
}
