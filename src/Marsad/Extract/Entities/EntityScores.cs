namespace Marsad.Extract.Entities;

/// <summary>
/// Entity-level precision, recall and F1 (exact span and type, as conlleval computes them), micro-averaged and per type.
/// </summary>
public sealed class EntityScores
{
    private readonly SortedDictionary<string, (int Gold, int Predicted, int Correct)> _byType = new(StringComparer.Ordinal);

    public int Gold { get; private set; }

    public int Predicted { get; private set; }

    public int Correct { get; private set; }

    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public IEnumerable<string> Types => _byType.Keys;

    /// <summary>Counts one sentence's gold and predicted tags.</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var g = BioChunker.Chunks(gold);
        var p = BioChunker.Chunks(predicted);
        var goldSet = new HashSet<EntityMention>(g);
        foreach (var m in g)
        {
            Bump(m.Type, 1, 0, 0);
        }

        foreach (var m in p)
        {
            var ok = goldSet.Contains(m);
            Bump(m.Type, 0, 1, ok ? 1 : 0);
        }
    }

    public (double Precision, double Recall, double F1, int Gold) ForType(string type)
    {
        var (gold, predicted, correct) = _byType.GetValueOrDefault(type);
        var p = predicted == 0 ? 0 : (double)correct / predicted;
        var r = gold == 0 ? 0 : (double)correct / gold;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), gold);
    }

    /// <summary>A table of per-type and overall P/R/F1, in percent.</summary>
    public string Report()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("type      gold   precision  recall     F1");
        foreach (var type in Types)
        {
            var (p, r, f, gold) = ForType(type);
            sb.AppendLine($"{type,-8} {gold,5}   {100 * p,8:F2}  {100 * r,6:F2}  {100 * f,6:F2}");
        }

        sb.AppendLine($"{"micro",-8} {Gold,5}   {100 * Precision,8:F2}  {100 * Recall,6:F2}  {100 * F1,6:F2}");
        return sb.ToString();
    }

    private void Bump(string type, int gold, int predicted, int correct)
    {
        var (g, p, c) = _byType.GetValueOrDefault(type);
        _byType[type] = (g + gold, p + predicted, c + correct);
        Gold += gold;
        Predicted += predicted;
        Correct += correct;
    }
}
