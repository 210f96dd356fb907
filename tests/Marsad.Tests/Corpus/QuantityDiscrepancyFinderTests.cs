using Marsad.Corpus;
using Marsad.Model;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Corpus;

public sealed class QuantityDiscrepancyFinderTests(ITestOutputHelper output)
{
    private static readonly Story Both = new("s1", "t", ["a", "b"], null, null);

    [Fact]
    public void NumberWithUnitAndPlaceAfterIsAClaim()
    {
        var claim = Assert.Single(QuantityClaimExtractor.Default.Extract(CorpusSample.Annotate("a", "تنشر الدولة 1200 جندي في الصومال لدعم الحكومة.")));
        Assert.Equal((1200m, "soldier", "صومال"), (claim.Value, claim.Unit, claim.ScopeKey));
    }

    [Fact]
    public void PlaceBeforeTheNumberInTheSameClauseIsTheScope()
    {
        var claim = Assert.Single(QuantityClaimExtractor.Default.Extract(CorpusSample.Annotate("a", "ويوجد في الصومال ولبنان نحو 1200 جندي.")));
        Assert.Equal("صومال+لبنان", claim.ScopeKey);
        Assert.True(claim.Approx);
    }

    [Fact]
    public void YearIsNotAQuantity() =>
        Assert.DoesNotContain(QuantityClaimExtractor.Default.Extract(CorpusSample.Annotate("a", "انسحب 2011 جندي من القاعدة في عام 2011.")), c => c.Value == 2011 && c.Unit != "soldier");

    [Fact]
    public void SameCountForAWiderScopeIsADiscrepancy()
    {
        var a = CorpusSample.Annotate("a", "تنشر الدولة 1200 جندي في الصومال لدعم الحكومة.");
        var b = CorpusSample.Annotate("b", "تحتفظ الدولة بقوات في الصومال وكينيا يبلغ عددها نحو 1200 جندي.");
        var d = Assert.Single(new QuantityDiscrepancyFinder().Find(Both, [a, b]));
        Assert.Equal("quantity", d.Kind);
        Assert.Equal(["a", "b"], d.Claims.Select(c => c.Doc));
    }

    [Fact]
    public void DifferentCountsForOnePlaceAreADiscrepancy()
    {
        var a = CorpusSample.Annotate("a", "تنشر الدولة 1200 جندي في الصومال.");
        var b = CorpusSample.Annotate("b", "تنشر الدولة 1500 جندي في الصومال.");
        Assert.Single(new QuantityDiscrepancyFinder().Find(Both, [a, b]));
    }

    [Fact]
    public void AgreeingSourcesAreNoDiscrepancy()
    {
        var a = CorpusSample.Annotate("a", "تنشر الدولة 1200 جندي في الصومال.");
        var b = CorpusSample.Annotate("b", "يوجد في الصومال 1200 جندي من قوات الدولة.");
        Assert.Empty(new QuantityDiscrepancyFinder().Find(Both, [a, b]));
    }

    [Fact]
    public void DifferentPlacesAreDifferentSubjects()
    {
        var a = CorpusSample.Annotate("a", "تنشر الدولة 1200 جندي في الصومال.");
        var b = CorpusSample.Annotate("b", "تنشر الدولة 300 جندي في لبنان.");
        Assert.Empty(new QuantityDiscrepancyFinder().Find(Both, [a, b]));
    }

    [Fact]
    public void ACountForOnePlaceDoesNotContradictACountForAnother()
    {
        var a = CorpusSample.Annotate("a", "تنشر الدولة 1200 جندي في الصومال. وتنشر 300 جندي في لبنان.");
        var b = CorpusSample.Annotate("b", "تحتفظ الدولة بقوات في الصومال ولبنان يبلغ عددها نحو 1200 جندي.");
        (a.Outlet, b.Outlet) = ("الأولى", "الثانية");
        var d = Assert.Single(new QuantityDiscrepancyFinder().Find(Both, [a, b]));
        Assert.DoesNotContain(d.Claims, c => c.Value.StartsWith("300", StringComparison.Ordinal));
        Assert.StartsWith("عدد الجنود في", d.Subject, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]", d.Subject);
    }

    [Fact]
    public void ArticlesOfOneOutletAreNeverCompared()
    {
        var a = CorpusSample.Annotate("a", "تنشر الدولة 1200 جندي في الصومال.");
        var b = CorpusSample.Annotate("b", "تنشر الدولة 1500 جندي في الصومال.");
        a.Outlet = b.Outlet = "الوكالة";
        Assert.Empty(new QuantityDiscrepancyFinder().Find(Both, [a, b]));
    }

    [SharedFact]
    public void SeedTroopCountsDisagree()
    {
        var documents = SeedDocuments.Analyze();
        var stories = StoryClusterer.Cluster(documents);
        var found = new DiscrepancyCollector().Collect(stories, documents);
        foreach (var d in found)
        {
            output.WriteLine($"{d.Kind} {d.Subject}: " + string.Join(" | ", d.Claims.Select(c => $"{c.Doc[..3]} {c.Value} «{c.Text}»")));
        }

        var gold = SeedDocuments.GoldDiscrepancies().Single(g => g.Kind == "quantity");
        Assert.Contains(found, d => d.Kind == "quantity" && d.Claims.Select(c => c.Doc).Intersect(gold.Docs).Count() >= 2
            && d.Claims.Any(c => c.Doc.StartsWith("004", StringComparison.Ordinal)));
        Assert.True(found.Count <= 3, $"{found.Count} discrepancies reported");
    }

    [Fact]
    public void LedeMissileCountsOfTwoOutletsDisagree()
    {
        var a = CorpusSample.Annotate("a", "أعلن التحالف أن الدفاعات الجوية اعترضت مساء الأحد 7 صواريخ باليستية أطلقت باتجاه المملكة.");
        var b = CorpusSample.Annotate("b", "اعترضت الدفاعات الجوية صاروخا فوق الرياض مساء الأحد.");

        var d = Assert.Single(new QuantityDiscrepancyFinder().Find(Both, [a, b]));

        Assert.Equal(["1", "7"], d.Claims.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.StartsWith("عدد الصواريخ", d.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void MissileCountBeyondTheLedeIsNotCompared()
    {
        var a = CorpusSample.Annotate("a", "أعلن التحالف اعتراض هجوم على المملكة. وقال المتحدث إن الهجوم كان مساء الأحد. وأضاف أن الدفاعات الجوية اعترضت 7 صواريخ.");
        var b = CorpusSample.Annotate("b", "اعترضت الدفاعات الجوية صاروخا فوق الرياض مساء الأحد.");

        Assert.Empty(new QuantityDiscrepancyFinder().Find(Both, [a, b]));
    }
}
