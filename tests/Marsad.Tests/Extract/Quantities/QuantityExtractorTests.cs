using Marsad.Extract.Quantities;
using Marsad.Tests.Extract.Events;

namespace Marsad.Tests.Extract.Quantities;

public sealed class QuantityExtractorTests
{
    [Fact]
    public void NumberAndUnitNoun()
    {
        var d = EventTestText.Analyze("وتنشر الدولة 3000 جندي في المنطقة.");

        var q = Assert.Single(QuantityExtractor.Default.Extract(d));

        Assert.Equal(3000m, q.Value);
        Assert.Equal("soldier", q.Unit);
        Assert.False(q.Approx);
        Assert.Equal("3000 جندي", q.Span.Of(d.Text));
    }

    [Fact]
    public void ApproximatorMakesItApprox()
    {
        var d = EventTestText.Analyze("وتعرضت القواعد إلى أكثر من 70 هجوما منذ الصيف.");

        var q = Assert.Single(QuantityExtractor.Default.Extract(d));

        Assert.Equal(70m, q.Value);
        Assert.Equal("attack", q.Unit);
        Assert.True(q.Approx);
    }

    [Fact]
    public void CasualtyNounBeforeTheNumber()
    {
        var d = EventTestText.Analyze("وأدى القصف إلى إصابة 12 شخصا.");

        var q = Assert.Single(QuantityExtractor.Default.Extract(d));

        Assert.Equal("injured", q.Unit);
        Assert.Equal(12m, q.Value);
    }

    [Fact]
    public void YearIsNotACount() => Assert.Empty(QuantityExtractor.Default.Extract(EventTestText.Analyze("وفي 2019 جنود كثيرون غادروا.")));

    [Fact]
    public void IndefiniteSingularMissileCountsOne()
    {
        var d = EventTestText.Analyze("واعترضت الدفاعات الجوية صاروخا فوق المدينة.");

        var q = Assert.Single(QuantityExtractor.Default.Extract(d));

        Assert.Equal((1m, "rocket", "صاروخا"), (q.Value, q.Unit, q.Span.Of(d.Text)));
    }

    [Fact]
    public void AccusativeAfterANumberIsCountedOnce()
    {
        var d = EventTestText.Analyze("وأطلق المسلحون 11 صاروخا على المدينة.");

        var q = Assert.Single(QuantityExtractor.Default.Extract(d));

        Assert.Equal(11m, q.Value);
    }
}
