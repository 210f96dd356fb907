using Marsad.Model;

namespace Marsad.Storage;

/// <summary>A job a worker holds: the queued article, its batch (the articles queued together) and the lease owner.</summary>
public sealed record QueuedJob(long Id, Guid Batch, RawArticle Article, int Attempts, string Owner);
