namespace Marsad.Arabic;

/// <summary>How a number word combines with its neighbours (the <c>kind</c> column of <c>data/ar/number-words.tsv</c>).</summary>
public enum NumberWordKind
{
    Unit,
    Ten,
    TeenUnit,
    Tens,
    Hundred,
    Hundreds,
    Scale,
    Dual,
    Plural,
    Vague,
    Fraction,
}
