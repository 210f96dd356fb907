using System.Text;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

public class EncodingDetectorTests
{
    [Fact]
    public void Utf16LittleEndianWithoutBomIsFoundByZeroBytes()
    {
        var bytes = Encoding.Unicode.GetBytes("وصل الوفد إلى المطار في الساعة 10 صباحا.");
        var detected = EncodingDetector.Detect(bytes, null, out var error);
        Assert.Null(error);
        Assert.Equal("utf-16le", detected!.Name);
        Assert.Equal("وصل الوفد إلى المطار في الساعة 10 صباحا.", TextDecoder.Decode(bytes).Text);
    }

    [Fact]
    public void Utf16BigEndianWithoutBomIsFoundByZeroBytes()
    {
        var bytes = Encoding.BigEndianUnicode.GetBytes("بدأت الجلسة في موعدها المحدد.");
        Assert.Equal("utf-16be", EncodingDetector.Detect(bytes, null, out _)!.Name);
        Assert.Equal("بدأت الجلسة في موعدها المحدد.", TextDecoder.Decode(bytes).Text);
    }

    [Fact]
    public void Utf16WithoutBomAndWithoutSpacesIsFoundByHighBytes()
    {
        var bytes = Encoding.Unicode.GetBytes("مرحباوسهلا");
        Assert.Equal("utf-16le", EncodingDetector.Detect(bytes, null, out _)!.Name);
    }

    [Fact]
    public void Utf32BigEndianBomIsNotMistakenForUtf16()
    {
        byte[] bytes = [0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes("سلام")];
        Assert.Equal("utf-32be", EncodingDetector.Detect(bytes, null, out _)!.Name);
    }

    [Fact]
    public void AsciiIsUtf8()
    {
        Assert.Equal("utf-8", EncodingDetector.Detect("plain ascii text"u8, null, out _)!.Name);
    }

    [Fact]
    public void DeclaredCharsetIsReadFromMarkup()
    {
        Assert.Equal("windows-1256", EncodingDetector.DeclaredCharset("<html><head><meta charset=\"windows-1256\">"u8));
        Assert.Equal("ISO-8859-6", EncodingDetector.DeclaredCharset("<?xml version=\"1.0\" encoding=\"ISO-8859-6\"?><rss/>"u8));
        Assert.Null(EncodingDetector.DeclaredCharset("<p>no declaration</p>"u8));
    }

    [Fact]
    public void DeclaredCharsetDecidesInvalidUtf8()
    {
        _ = EncodingDetector.Arabic1256;
        var bytes = Encoding.GetEncoding("ISO-8859-6").GetBytes("خبر");
        var detected = EncodingDetector.Detect(bytes, "ISO-8859-6", out _);
        Assert.Equal("iso-8859-6", detected!.Name);
        Assert.Equal("خبر", detected.Encoding.GetString(bytes));
    }
}
