namespace Marsad.Extract.Entities;

/// <summary>
/// Trains the entity tagger: a structured averaged perceptron (Collins 2002) over BIO or BIOES tags with Viterbi decoding.
/// Rules:
/// <list type="bullet">
/// <item>the gold BIO tags are learned as they are or, with <see cref="NerTrainingOptions.Bioes"/>, rewritten as BIOES
/// (<see cref="TagScheme"/>); labels are the tags seen, "O" first, then sorted;</item>
/// <item>features are extracted once (<see cref="NerFeatureExtractor"/>); those seen fewer than
/// <see cref="NerTrainingOptions.MinFeatureCount"/> times are ignored;</item>
/// <item>each epoch visits the sentences in a seeded random order; a share of tokens
/// (<see cref="NerTrainingOptions.WordDropout"/>) have their own word features hidden for that step; when the decoded sequence differs from the gold
/// one, the gold features gain one and the predicted ones lose one, at the tokens and transitions that differ;</item>
/// <item>the saved weights are the average over all steps (lazy averaging), and features whose averaged weights are
/// all below <see cref="NerTrainingOptions.PruneBelow"/> in magnitude are dropped.</item>
/// </list>
/// </summary>
public static class EntityTaggerTrainer
{
    /// <summary>
    /// Trains the sentence pass and a document pass: the first-pass tags of the training sentences come from models
    /// trained without their fold (4 folds of whole documents, <see cref="EntityTagger.DefaultDocumentSentences"/>
    /// consecutive sentences each), so the document hints look at training time as they will on new text.
    /// </summary>
    public static EntityTagger TrainWithDocumentPass(IReadOnlyList<ConllSentence> sentences, NerLexicon lexicon, NerTrainingOptions options, Action<string> log)
    {
        const int Folds = 4;
        var size = EntityTagger.DefaultDocumentSentences;
        var first = Train(sentences, lexicon, options, log);
        var firstPass = new string[sentences.Count][];
        for (var fold = 0; fold < Folds; fold++)
        {
            var model = Train(sentences.Where((_, s) => s / size % Folds != fold).ToList(), lexicon, options, _ => { });
            for (var s = 0; s < sentences.Count; s++)
            {
                if (s / size % Folds == fold)
                {
                    firstPass[s] = model.Tag(sentences[s].Tokens);
                }
            }
        }

        var extractor = new NerFeatureExtractor(lexicon);
        var types = first.Labels.Where(l => l != "O").Select(l => BioChunker.Parse(l).Type).Distinct().Order(StringComparer.Ordinal).ToArray();
        var hints = new byte[sentences.Count][];
        for (var start = 0; start < sentences.Count; start += size)
        {
            var count = Math.Min(size, sentences.Count - start);
            var doc = sentences.Skip(start).Take(count).Select(x => x.Tokens).ToArray();
            var docHints = DocumentHints.Compute(doc, firstPass.Skip(start).Take(count).ToArray(), extractor, types);
            docHints.CopyTo(hints, start);
        }

        log("document pass:");
        return first.WithDocumentPass(Train(sentences, lexicon, options, log, null, hints));
    }

    /// <summary>Trains on <paramref name="sentences"/>; with <paramref name="dev"/>, logs its F1 after every epoch.</summary>
    public static EntityTagger Train(IReadOnlyList<ConllSentence> sentences, NerLexicon lexicon, NerTrainingOptions options, Action<string> log, IReadOnlyList<ConllSentence>? dev = null) =>
        Train(sentences, lexicon, options, log, dev, null);

    private static EntityTagger Train(IReadOnlyList<ConllSentence> sentences, NerLexicon lexicon, NerTrainingOptions options, Action<string> log, IReadOnlyList<ConllSentence>? dev, byte[][]? hints)
    {
        if (options.Bags <= 1)
        {
            return TrainOne(sentences, lexicon, options, log, dev, hints);
        }

        // Averaging the weights of perceptrons trained in different orders is averaging their scores, in one model.
        var models = new List<EntityTagger>();
        for (var b = 0; b < options.Bags; b++)
        {
            log($"bag {b + 1} of {options.Bags}:");
            models.Add(TrainOne(sentences, lexicon, options with { Seed = options.Seed + (1000 * b) }, log, dev, hints));
        }

        var merged = Average(models);
        if (dev is not null)
        {
            log($"{options.Bags} bags averaged: dev F1 {100 * Evaluate(merged, dev).F1:F2}");
        }

        return merged;
    }

    /// <summary>One model whose weights and transitions are the mean of those of <paramref name="models"/> (same tags).</summary>
    private static EntityTagger Average(List<EntityTagger> models)
    {
        var tags = models[0].Tags;
        var t = tags.Length;
        var sums = new Dictionary<ulong, float[]>();
        foreach (var m in models)
        {
            if (!m.Tags.SequenceEqual(tags))
            {
                throw new InvalidOperationException("bagged models learned different tag sets");
            }

            for (var k = 0; k < m.Keys.Length; k++)
            {
                if (!sums.TryGetValue(m.Keys[k], out var row))
                {
                    row = new float[t];
                    sums[m.Keys[k]] = row;
                }

                for (var j = 0; j < t; j++)
                {
                    row[j] += m.Weights[(k * t) + j] / models.Count;
                }
            }
        }

        var transitions = new float[models[0].Transitions.Length];
        foreach (var m in models)
        {
            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] += m.Transitions[i] / models.Count;
            }
        }

        var keys = sums.Keys.ToArray();
        var weights = new float[keys.Length * t];
        for (var k = 0; k < keys.Length; k++)
        {
            sums[keys[k]].CopyTo(weights, k * t);
        }

        return new EntityTagger(tags, models[0].Lexicon, transitions, keys, weights);
    }

    private static EntityTagger TrainOne(IReadOnlyList<ConllSentence> sentences, NerLexicon lexicon, NerTrainingOptions options, Action<string> log, IReadOnlyList<ConllSentence>? dev, byte[][]? hints)
    {
        var bioes = sentences.Select(s => options.Bioes ? TagScheme.ToBioes(s.Tags) : s.Tags.ToArray()).ToArray();
        var tags = bioes.SelectMany(s => s).Distinct().Where(t => t != "O").Order(StringComparer.Ordinal).Prepend("O").ToArray();
        var tagId = tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var t = tags.Length;
        var extractor = new NerFeatureExtractor(lexicon);

        // Extract once; count keys, then index those frequent enough.
        var keys = new List<ulong>();
        var offsets = new List<int>();
        var rawKeys = new ulong[sentences.Count][];
        var rawOffsets = new int[sentences.Count][];
        var counts = new Dictionary<ulong, int>();
        for (var s = 0; s < sentences.Count; s++)
        {
            extractor.Extract(sentences[s].Tokens, keys, offsets, hints?[s]);
            rawKeys[s] = keys.ToArray();
            rawOffsets[s] = offsets.ToArray();
            foreach (var k in rawKeys[s])
            {
                counts[k] = counts.GetValueOrDefault(k) + 1;
            }
        }

        var index = new Dictionary<ulong, int>();
        foreach (var (k, c) in counts)
        {
            if (c >= options.MinFeatureCount)
            {
                index[k] = index.Count;
            }
        }

        var feats = new int[sentences.Count][];
        var gold = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            feats[s] = rawKeys[s].Select(k => index.GetValueOrDefault(k, -1)).ToArray();
            gold[s] = bioes[s].Select(x => tagId[x]).ToArray();
        }

        log($"{sentences.Count:N0} sentences, {tags.Length} tags, {index.Count:N0} features");

        var f = index.Count;
        var w = new float[f * t];
        var u = new double[f * t];
        var tw = new float[(t + 1) * t];
        var tu = new double[(t + 1) * t];
        var allowed = ViterbiDecoder.AllowedTransitions(tags);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var rng = new Random(options.Seed);
        var em = new float[256 * t];
        var pred = new int[256];
        var dropped = new bool[256];
        long step = 1;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            var errors = 0;
            foreach (var s in order)
            {
                var n = gold[s].Length;
                if (em.Length < n * t)
                {
                    em = new float[n * t];
                    pred = new int[n];
                }

                if (dropped.Length < n)
                {
                    dropped = new bool[n];
                }

                for (var i = 0; i < n; i++)
                {
                    dropped[i] = options.WordDropout > 0 && rng.NextDouble() < options.WordDropout;
                }

                Emissions(feats[s], rawOffsets[s], dropped, n, t, w, em);
                ViterbiDecoder.Decode(em, tw, allowed, n, t, pred);
                var g = gold[s];
                for (var i = 0; i < n; i++)
                {
                    if (pred[i] != g[i])
                    {
                        errors++;
                        var from = rawOffsets[s][i] + (dropped[i] ? NerFeatureExtractor.IdentityFeatureCount : 0);
                        for (var k = from; k < rawOffsets[s][i + 1]; k++)
                        {
                            var fi = feats[s][k];
                            if (fi < 0)
                            {
                                continue;
                            }

                            Update(w, u, fi * t + g[i], 1, step);
                            Update(w, u, fi * t + pred[i], -1, step);
                        }
                    }

                    var pg = i == 0 ? t : g[i - 1];
                    var pp = i == 0 ? t : pred[i - 1];
                    if (pg != pp || g[i] != pred[i])
                    {
                        Update(tw, tu, pg * t + g[i], 1, step);
                        Update(tw, tu, pp * t + pred[i], -1, step);
                    }
                }

                step++;
            }

            var message = $"epoch {epoch}: {errors:N0} token errors";
            if (dev is not null)
            {
                var scores = Evaluate(Build(tags, lexicon, index, w, u, tw, tu, step, options.PruneBelow), dev);
                message += $", dev F1 {100 * scores.F1:F2}";
            }

            log(message);
        }

        return Build(tags, lexicon, index, w, u, tw, tu, step, options.PruneBelow);
    }

    /// <summary>
    /// Chooses the penalty on "O" that maximizes entity F1 on held-out sentences (a perceptron trained on few
    /// examples of rare names tends to under-predict them); returns the penalty and its F1.
    /// </summary>
    public static (float Penalty, double F1) TuneOutsidePenalty(EntityTagger tagger, IReadOnlyList<ConllSentence> dev, Action<string> log)
    {
        var best = (Penalty: 0f, F1: -1.0);
        foreach (var penalty in new[] { 0f, 2f, 4f, 6f, 8f, 10f, 12f, 15f, 18f, 22f, 26f, 30f, 35f, 40f })
        {
            var f1 = Evaluate(tagger.WithOutsidePenalty(penalty), dev).F1;
            log($"outside penalty {penalty}: dev F1 {100 * f1:F2}");
            if (f1 > best.F1)
            {
                best = (penalty, f1);
            }
        }

        return best;
    }

    /// <summary>
    /// After <see cref="TuneOutsidePenalty"/>: chooses, one type at a time in two rounds, the bonus on that type's
    /// tags (<see cref="EntityTagger.WithTypeBonus"/>) that maximizes entity F1 on held-out sentences, so types the
    /// model under-predicts (names of organizations, titles of works) get more recall than the others.
    /// </summary>
    public static (Dictionary<string, float> Bonuses, double F1) TuneTypeBonuses(EntityTagger tagger, IReadOnlyList<ConllSentence> dev, Action<string> log)
    {
        var bonuses = tagger.Types.ToDictionary(x => x, _ => 0f, StringComparer.Ordinal);
        var best = Evaluate(tagger, dev).F1;
        for (var round = 0; round < 2; round++)
        {
            foreach (var type in tagger.Types)
            {
                var chosen = bonuses[type];
                foreach (var bonus in new[] { -6f, -3f, 0f, 3f, 6f, 10f, 15f, 20f, 25f })
                {
                    if (bonus == bonuses[type])
                    {
                        continue;
                    }

                    var f1 = Evaluate(ApplyBonuses(tagger, bonuses, type, bonus), dev).F1;
                    if (f1 > best)
                    {
                        best = f1;
                        chosen = bonus;
                    }
                }

                bonuses[type] = chosen;
                log($"bonus {type} {chosen}: dev F1 {100 * best:F2}");
            }
        }

        return (bonuses, best);
    }

    /// <summary>The tagger with every type's bonus applied (<paramref name="type"/>'s replaced by <paramref name="bonus"/>).</summary>
    public static EntityTagger ApplyBonuses(EntityTagger tagger, IReadOnlyDictionary<string, float> bonuses, string? type = null, float bonus = 0)
    {
        foreach (var (t, b) in bonuses)
        {
            var value = t == type ? bonus : b;
            if (value != 0)
            {
                tagger = tagger.WithTypeBonus(t, value);
            }
        }

        return tagger;
    }

    /// <summary>
    /// Tags the sentences as documents of <see cref="EntityTagger.DefaultDocumentSentences"/> consecutive sentences
    /// and scores the result against their gold tags.
    /// </summary>
    public static EntityScores Evaluate(EntityTagger tagger, IReadOnlyList<ConllSentence> sentences)
    {
        var scores = new EntityScores();
        var size = EntityTagger.DefaultDocumentSentences;
        for (var start = 0; start < sentences.Count; start += size)
        {
            var doc = sentences.Skip(start).Take(size).ToArray();
            var predicted = tagger.TagDocument(doc.Select(s => s.Tokens).ToArray());
            for (var i = 0; i < doc.Length; i++)
            {
                scores.Add(doc[i].Tags, predicted[i]);
            }
        }

        return scores;
    }

    private static void Emissions(int[] feats, int[] offsets, bool[] dropped, int n, int t, float[] w, float[] em)
    {
        Array.Clear(em, 0, n * t);
        for (var i = 0; i < n; i++)
        {
            for (var k = offsets[i] + (dropped[i] ? NerFeatureExtractor.IdentityFeatureCount : 0); k < offsets[i + 1]; k++)
            {
                var fi = feats[k];
                if (fi < 0)
                {
                    continue;
                }

                var row = fi * t;
                for (var j = 0; j < t; j++)
                {
                    em[i * t + j] += w[row + j];
                }
            }
        }
    }

    private static void Update(float[] w, double[] u, int i, int delta, long step)
    {
        w[i] += delta;
        u[i] += (double)step * delta;
    }

    private static EntityTagger Build(string[] tags, NerLexicon lexicon, Dictionary<ulong, int> index, float[] w, double[] u, float[] tw, double[] tu, long step, float pruneBelow)
    {
        var t = tags.Length;
        var keys = new List<ulong>();
        var weights = new List<float>();
        var row = new float[t];
        foreach (var (key, fi) in index)
        {
            var keep = false;
            for (var j = 0; j < t; j++)
            {
                row[j] = (float)(w[fi * t + j] - (u[fi * t + j] / step));
                keep |= Math.Abs(row[j]) >= pruneBelow;
            }

            if (keep)
            {
                keys.Add(key);
                weights.AddRange(row);
            }
        }

        var transitions = new float[tw.Length];
        for (var i = 0; i < tw.Length; i++)
        {
            transitions[i] = (float)(tw[i] - (tu[i] / step));
        }

        return new EntityTagger(tags, lexicon, transitions, keys.ToArray(), weights.ToArray());
    }
}
