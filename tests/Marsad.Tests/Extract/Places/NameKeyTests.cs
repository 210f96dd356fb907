using Marsad.Extract.Places;

namespace Marsad.Tests.Extract.Places;

public sealed class NameKeyTests
{
    [Fact]
    public void NormalizesArabicLetterVariants() => Assert.Equal("الانبار", NameKey.Of("الأنبار"));

    [Fact]
    public void CollapsesPunctuationAndSpaces() => Assert.Equal("فصايل المقاومه", NameKey.Of("  فصائل “المقاومة” "));

    [Fact]
    public void LowerCasesLatin() => Assert.Equal(NameKey.Of("euronews"), NameKey.Of("EURONEWS"));

    [Fact]
    public void KunyaCaseEndingsShareOneForm() => Assert.Equal(NameKey.Of("أبو مهدي"), NameKey.Of("أبي مهدي"));

    [Fact]
    public void DropsDiacriticsAndTatweel() => Assert.Equal("غزه", NameKey.Of("غزّـة"));

    [Fact]
    public void EmptyInputGivesEmptyKey() => Assert.Equal("", NameKey.Of("  ، . "));

    [Fact]
    public void ArabicIndicDigitsBecomeAscii() => Assert.Equal("البرج 22", NameKey.Of("البرج ٢٢"));
}
