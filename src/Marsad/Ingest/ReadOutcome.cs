using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// What a reader gives for one article or one failure: exactly one of <see cref="Article"/> and
/// <see cref="Error"/> is set. An article may carry warnings (a date that could not be read, content
/// extracted by the fallback extractor): it was read, but something was left out.
/// </summary>
public sealed record ReadOutcome
{
    private ReadOutcome(RawArticle? article, ReadError? error, IReadOnlyList<ReadError> warnings)
    {
        Article = article;
        Error = error;
        Warnings = warnings;
    }

    public RawArticle? Article { get; }

    public ReadError? Error { get; }

    public IReadOnlyList<ReadError> Warnings { get; }

    public bool IsSuccess => Article is not null;

    public static ReadOutcome Success(RawArticle article, IReadOnlyList<ReadError>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ReadOutcome(article, null, warnings ?? []);
    }

    public static ReadOutcome Failure(ReadError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ReadOutcome(null, error, []);
    }

    public static ReadOutcome Failure(string path, string message, int? line = null) =>
        Failure(new ReadError(path, message, line));
}
