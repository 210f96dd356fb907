namespace Marsad.Corpus;

/// <summary>
/// What a document tells about its own date: <see cref="Date"/> is a point (its publication date, or the latest full
/// date its text gives), <see cref="MinYear"/> the latest year its text mentions (a lower bound: an article does not cite
/// years after it was written; 0 when none). Either or both may be missing.
/// </summary>
public readonly record struct DateSignal(DateOnly? Date, int MinYear)
{
    public static DateSignal None => default;

    public bool IsKnown => Date is not null || MinYear > 0;
}
