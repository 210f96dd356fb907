namespace Marsad.Ingest;

/// <summary>
/// Tells whether a gzip file was read to its real end. .NET's GZipStream ends quietly when the compressed data stops
/// early (a download cut short), so the output alone cannot tell a truncated file from a whole one. Every gzip member
/// ends with the CRC-32 and the size (mod 2^32) of its data; the last member's data is the end of the output, so a whole
/// file's last eight bytes describe the output's last ISIZE bytes exactly. A cut file's last eight bytes are compressed
/// data and match only by chance (about one in 2^32). Files joined with <c>cat a.gz b.gz</c> pass, since only the last
/// member is checked.
/// </summary>
internal static class GzipTrailer
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>True when <paramref name="trailer"/> (the file's last 8 bytes) describes the end of <paramref name="output"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> trailer, ReadOnlySpan<byte> output)
    {
        if (trailer.Length != 8)
        {
            return false;
        }

        var crc = BitConverter.ToUInt32(trailer[..4]);
        var size = BitConverter.ToUInt32(trailer[4..]);
        if (!BitConverter.IsLittleEndian)
        {
            crc = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(crc);
            size = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(size);
        }

        // Outputs are far below 4 GiB (the container limit), so the size is exact.
        return size <= output.Length && Crc32(output[^(int)size..]) == crc;
    }

    /// <summary>The last 8 bytes of the file, or an empty array when it is shorter.</summary>
    public static byte[] Read(string path)
    {
        using var file = FileOpener.OpenRead(path);
        if (file.Length < 8)
        {
            return [];
        }

        file.Seek(-8, SeekOrigin.End);
        var trailer = new byte[8];
        file.ReadExactly(trailer);
        return trailer;
    }

    /// <summary>CRC-32 as gzip computes it (IEEE 802.3, reflected, polynomial 0xEDB88320).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
