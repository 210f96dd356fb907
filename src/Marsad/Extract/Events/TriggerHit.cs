namespace Marsad.Extract.Events;

/// <summary>
/// A trigger found at token <see cref="Token"/>, spanning <see cref="Length"/> tokens. <see cref="RefersBack"/>: a definite
/// noun whose need nothing near it meets, kept because the document reported that kind of event before ("التفجير").
/// </summary>
internal readonly record struct TriggerHit(int Token, int Length, EventTrigger Trigger, bool RefersBack = false);
