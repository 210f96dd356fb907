using System.Text;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

public class TextDecoderTests
{
    private const string Sample = "ذهب الطلاب إلى المدرسة صباحا.\nوعادوا بعد الظهر.";

    [Fact]
    public void Utf8WithoutBomIsRead()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(Sample));
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("utf-8", decoded.EncodingName);
    }

    [Fact]
    public void Utf8BomIsDropped()
    {
        var decoded = TextDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)]);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("utf-8", decoded.EncodingName);
    }

    [Fact]
    public void Utf16LittleEndianWithBomIsRead()
    {
        var decoded = TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)]);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("utf-16le", decoded.EncodingName);
    }

    [Fact]
    public void Utf16BigEndianWithBomIsRead()
    {
        var decoded = TextDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)]);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("utf-16be", decoded.EncodingName);
    }

    [Fact]
    public void Utf32WithBomIsRead()
    {
        var decoded = TextDecoder.Decode([0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(Sample)]);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("utf-32le", decoded.EncodingName);
    }

    [Fact]
    public void Windows1256IsReadWhenBytesAreNotUtf8()
    {
        var bytes = EncodingDetector.Arabic1256.GetBytes(Sample);
        var decoded = TextDecoder.Decode(bytes);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("windows-1256", decoded.EncodingName);
    }

    [Fact]
    public void EmptyBytesAreAnEmptyFile()
    {
        var decoded = TextDecoder.Decode([]);
        Assert.False(decoded.IsText);
        Assert.Equal("empty file", decoded.Error);
    }

    [Fact]
    public void WhitespaceOnlyIsAnEmptyFile()
    {
        var decoded = TextDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(" \r\n\t\u00A0\u200F\n")]);
        Assert.Equal("empty file", decoded.Error);
    }

    [Fact]
    public void BinaryWithNulBytesIsRejected()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[10] = 0;
        bytes[11] = 0;
        var decoded = TextDecoder.Decode(bytes);
        Assert.Equal("not a text file (binary content)", decoded.Error);
    }

    [Fact]
    public void ControlCharactersWithoutNulAreRejected()
    {
        var bytes = Enumerable.Range(0, 2000).Select(i => (byte)(i % 2 == 0 ? 0x01 + (i % 7) : 'a')).ToArray();
        Assert.Equal("not a text file (binary content)", TextDecoder.Decode(bytes).Error);
    }

    [Fact]
    public void AFewControlCharactersAreStillText()
    {
        var text = "سطر أول\fسطر ثان بعد فاصل صفحة يكفي طوله ليكون نصا عاديا لا ثنائيا.";
        Assert.Equal(text, TextDecoder.Decode(Encoding.UTF8.GetBytes(text)).Text);
    }
}
