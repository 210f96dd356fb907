namespace Marsad.Extract.Entities;

/// <summary>
/// Settings of <see cref="EntityTaggerTrainer"/>: passes over the data, shuffling seed, the minimum count of a
/// feature in the training data, and the weight below which a feature is dropped from the saved model.
/// </summary>
public sealed record NerTrainingOptions(int Epochs = 12, int Seed = 7, int MinFeatureCount = 1, float PruneBelow = 0.01f);
