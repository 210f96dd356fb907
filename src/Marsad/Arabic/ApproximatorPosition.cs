namespace Marsad.Arabic;

/// <summary>Where an approximator stands relative to its number.</summary>
[Flags]
public enum ApproximatorPosition
{
    Before = 1,
    After = 2,
    Both = Before | After,
}
