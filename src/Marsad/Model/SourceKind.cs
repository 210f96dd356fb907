namespace Marsad.Model;

/// <summary>The shape of the input an article was read from; decides which cleaner runs first.</summary>
public enum SourceKind
{
    Text,
    Html,
}
