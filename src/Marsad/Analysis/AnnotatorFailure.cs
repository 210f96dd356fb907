using Marsad.Model;

namespace Marsad.Analysis;

/// <summary>An annotator that threw on one document.</summary>
public sealed record AnnotatorFailure(IAnnotator Annotator, Exception Exception);
