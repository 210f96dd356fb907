using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

public class LineEndingsTests
{
    [Theory]
    [InlineData("أ\r\nب", "أ\nب")]
    [InlineData("أ\rب", "أ\nب")]
    [InlineData("أ\u2028ب\u2029ج\u0085د", "أ\nب\nج\nد")]
    [InlineData("أ\r\n\r\nب", "أ\n\nب")]
    public void BreaksBecomeLineFeeds(string input, string expected) => Assert.Equal(expected, LineEndings.Normalize(input));

    [Fact]
    public void TextWithoutBreaksIsUnchanged()
    {
        const string text = "  سطر واحد  ";
        Assert.Same(text, LineEndings.Normalize(text));
    }
}
