namespace Marsad.Extract.Events;

/// <summary>A trigger found at token <see cref="Token"/>, spanning <see cref="Length"/> tokens.</summary>
internal readonly record struct TriggerHit(int Token, int Length, EventTrigger Trigger);
