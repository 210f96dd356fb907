namespace Marsad.Model;

/// <summary>
/// An ordered chain of annotators, checked when built: every layer an annotator requires must be
/// produced by one before it, and no two annotators produce the same layer.
/// </summary>
public sealed class AnnotationPipeline
{
    private readonly IAnnotator[] _annotators;

    public AnnotationPipeline(IEnumerable<IAnnotator> annotators)
    {
        _annotators = annotators.ToArray();
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var annotator in _annotators)
        {
            foreach (var need in annotator.Requires)
            {
                if (!produced.Contains(need.Name))
                {
                    throw new InvalidOperationException(
                        $"annotator '{annotator.Name}' requires layer '{need.Name}', which no earlier annotator produces " +
                        $"(produced so far: {(produced.Count == 0 ? "none" : string.Join(", ", produced))})");
                }
            }

            foreach (var made in annotator.Produces)
            {
                if (!produced.Add(made.Name))
                {
                    throw new InvalidOperationException($"layer '{made.Name}' is produced twice (again by '{annotator.Name}')");
                }
            }
        }
    }

    public IReadOnlyList<IAnnotator> Annotators => _annotators;

    /// <summary>Runs every annotator in order; <paramref name="onError"/> decides whether a failure stops the document.</summary>
    public void Run(Document document, Action<IAnnotator, Document, Exception>? onError = null)
    {
        foreach (var annotator in _annotators)
        {
            if (onError is null)
            {
                annotator.Annotate(document);
                continue;
            }

            try
            {
                annotator.Annotate(document);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                onError(annotator, document, ex);
            }
        }
    }
}
