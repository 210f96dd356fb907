namespace Marsad.Ingest.Cleaning;

/// <summary>What makes a line look like a photo caption.</summary>
internal enum CaptionKind
{
    None,

    /// <summary>It starts with a caption cue ("صورة ملتقطة …", "تصوير: …").</summary>
    Start,

    /// <summary>It ends with a photo credit ("… (أرشيف/ الأناضول)", "… - رويترز").</summary>
    Credit,

    /// <summary>It is only a credit ("Getty Images", "أ ف ب").</summary>
    CreditOnly,
}
