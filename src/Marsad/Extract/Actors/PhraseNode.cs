namespace Marsad.Extract.Actors;

/// <summary>What a phrase key names: actor aliases, a title (with the type of its holders), a findable place.</summary>
internal sealed class PhraseNode
{
    public bool HasLonger { get; set; }

    public ActorAlias[] Aliases { get; set; } = [];

    public string? TitleType { get; set; }

    public bool Place { get; set; }
}
