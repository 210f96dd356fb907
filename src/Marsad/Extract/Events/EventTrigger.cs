namespace Marsad.Extract.Events;

/// <summary>
/// A row of <c>data/ar/events/triggers.tsv</c>: the word form, the event type (<c>force</c> for an attack that a state's
/// hand makes an airstrike), its CAMEO code, its part of speech (<c>verb</c> perfect, <c>present</c> imperfect, <c>noun</c>)
/// (<c>passive</c> perfect passive) and the kind of word it needs near it (<c>weapon</c>, <c>force</c>, <c>talks</c>, <c>message</c>, <c>statement</c>) or null.
/// </summary>
public sealed record EventTrigger(string Form, string Type, string Cameo, string Pos, string? Needs)
{
    public bool IsVerb => Pos is "verb" or "present" or "passive";

    /// <summary>A passive verb's subject is who suffered it ("اغتيل"), never who did it.</summary>
    public bool IsPassive => Pos == "passive";

    public bool IsPresent => Pos == "present";

    public bool IsForce => Type == "force";

    /// <summary>
    /// What a definite noun may refer back to: any armed event for a word of force ("مقتل خمسة" or "انفجار عبوة" then
    /// "التفجير"), else an event of the same type and code.
    /// </summary>
    public string Kind { get; } = Type == "force" ? "force" : Type + "/" + Cameo;
}
