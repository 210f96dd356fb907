using Marsad.Model;

namespace Marsad.Analysis;

/// <summary>
/// One article through <see cref="DocumentAnalyzer.AnalyzeAll"/>: the analyzed document, or the exception that stopped
/// it; and the annotators that failed on it (the document is kept without their layers).
/// </summary>
public sealed record AnalysisOutcome(RawArticle Article, Document? Document, Exception? Failure, IReadOnlyList<AnnotatorFailure> AnnotatorFailures);
