namespace Marsad.Corpus;

/// <summary>
/// Settings of <see cref="NearDuplicateDetector"/>. Why the defaults: on real news, 4-word shingles of two different
/// articles (even on one topic) overlap below 0.2, while a re-run copy with a line dropped and a few words changed keeps
/// 0.55 or more (and two such copies of one original as much with each other); 120 hashes in 40 bands of 3 rows make a
/// pair at 0.5 a candidate with probability 0.995 and one at 0.2 with 0.27, and candidates are verified against
/// <see cref="Threshold"/> on the signatures (standard error about 0.045 at 120 hashes).
/// </summary>
public sealed record NearDuplicateOptions
{
    /// <summary>Words per shingle.</summary>
    public int ShingleSize { get; init; } = 4;

    /// <summary>MinHash functions per signature; a multiple of <see cref="Bands"/>.</summary>
    public int HashCount { get; init; } = 120;

    /// <summary>LSH bands; each band has HashCount / Bands rows.</summary>
    public int Bands { get; init; } = 40;

    /// <summary>The estimated Jaccard similarity at or above which two documents are near-duplicates.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Documents with fewer shingles than this are too short to tell a copy from a shared formula.</summary>
    public int MinShingles { get; init; } = 10;

    /// <summary>
    /// Earlier documents checked per LSH bucket (the most recent ones). Bounds the work when a text is copied
    /// hundreds of times: the copies are still linked through their recent neighbours.
    /// </summary>
    public int MaxBucketScan { get; init; } = 64;

    public static NearDuplicateOptions Default { get; } = new();

    internal void Validate()
    {
        if (ShingleSize < 1 || HashCount < 1 || Bands < 1 || HashCount % Bands != 0 || Threshold is <= 0 or > 1 || MaxBucketScan < 1)
        {
            throw new ArgumentException(
                $"near-duplicate options: ShingleSize ({ShingleSize}) and Bands ({Bands}) must be positive, HashCount ({HashCount}) a multiple of Bands, Threshold ({Threshold}) in (0, 1], MaxBucketScan ({MaxBucketScan}) positive");
        }
    }
}
