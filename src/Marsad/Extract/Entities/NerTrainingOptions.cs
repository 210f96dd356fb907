namespace Marsad.Extract.Entities;

/// <summary>
/// Settings of <see cref="EntityTaggerTrainer"/>: passes over the data, shuffling seed, the minimum count of a
/// feature in the training data, the weight below which a feature is dropped from the saved model, and the share of
/// tokens whose own word features are hidden at each training step (word dropout, so the model learns to read
/// context and clusters for names it has not seen), whether to learn BIOES rather than BIO tags (on ANERcorp,
/// BIO scored higher on held-out data: 76.8 against 75.7 F1), and how many perceptrons, each visiting the data in its
/// own seeded order, are averaged into the model (bagging).
/// </summary>
public sealed record NerTrainingOptions(int Epochs = 10, int Seed = 7, int MinFeatureCount = 1, float PruneBelow = 0.01f, double WordDropout = 0, bool Bioes = false, int Bags = 1);
