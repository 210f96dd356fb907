using Marsad.Corpus;
using Marsad.Corpus.Events;
using Marsad.Model;
using Marsad.Tests.Extract.Events;

namespace Marsad.Tests.Corpus.Events;

public sealed class CasualtyDiscrepancySourceTests
{
    private static readonly Story Both = new("s1", "t", ["a", "b"], null, null);

    [Fact]
    public void TollsOfOneStrikeFromTwoOutletsDisagree()
    {
        var a = EventTestText.Analyze("قتل 29 شخصا في غارة جوية أمريكية على مقر للفصائل في القائم يوم الثلاثاء.", "a", "الأولى");
        var b = EventTestText.Analyze("أسفرت غارة جوية أمريكية على مقر للفصائل في القائم يوم الثلاثاء عن مقتل 39 شخصا.", "b", "الثانية");

        var d = Assert.Single(new CasualtyDiscrepancySource().Find(Both, [a, b]));

        Assert.Equal("quantity", d.Kind);
        Assert.StartsWith("عدد القتلى في الغارة", d.Subject, StringComparison.Ordinal);
        Assert.Contains("29 (الأولى)", d.Subject, StringComparison.Ordinal);
        Assert.Equal(["29", "39"], d.Claims.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.DoesNotMatch("[A-Za-z]", d.Subject);
    }

    [Fact]
    public void OneOutletIsNeverComparedWithItself()
    {
        var a = EventTestText.Analyze("قتل 29 شخصا في غارة جوية أمريكية على مقر للفصائل في القائم يوم الثلاثاء.", "a", "الأولى");
        var b = EventTestText.Analyze("أسفرت غارة جوية أمريكية على مقر للفصائل في القائم يوم الثلاثاء عن مقتل 39 شخصا.", "b", "الأولى");

        Assert.Empty(new CasualtyDiscrepancySource().Find(Both, [a, b]));
    }
}
