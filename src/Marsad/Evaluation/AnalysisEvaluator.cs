using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Marsad.Evaluation;

/// <summary>
/// Scores a <c>marsad.analysis/1</c> JSON against a gold file shaped like <c>seeds.gold.json</c>, as the reference
/// scorer <c>score.py</c> does (same normalization, alignment and formulas), so the numbers agree:
/// <list type="bullet">
/// <item><c>boilerplate</c>: line-level F1 of removed boilerplate and captions, and the share of content lines kept;</item>
/// <item><c>published</c>: accuracy of <c>published</c> on documents whose date the text determines, and on all;</item>
/// <item><c>times</c> and <c>entities</c>: relaxed-overlap mention F1/P/R (entities must agree on type, GPE and LOC
/// count as one); for times also value accuracy, where a gold <c>alt</c> value counts and a part of day may be dropped;</item>
/// <item><c>events</c>: event F1/P/R (<see cref="EventEvaluator"/>).</item>
/// </list>
/// Gold mentions in captions or boilerplate lines are not scored. Positions come from the raw files (<c>occ</c>);
/// without a raw folder the gold <c>start</c> orders them and boilerplate is not scored.
/// </summary>
public static class AnalysisEvaluator
{
    public static readonly IReadOnlyList<string> Sections = ["boilerplate", "published", "times", "entities", "events"];

    private static readonly Regex PartOfDay = new(@"^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)$", RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    public static EvalReport Evaluate(string analysisPath, string goldPath, string? rawDir, IReadOnlySet<string>? only = null) =>
        Evaluate(Load(analysisPath), Load(goldPath), rawDir, only);

    public static EvalReport Evaluate(JsonNode analysis, JsonNode gold, string? rawDir, IReadOnlySet<string>? only = null)
    {
        if (only is not null && only.FirstOrDefault(s => !Sections.Contains(s)) is { } unknown)
        {
            throw new ArgumentException($"unknown section '{unknown}'; known sections: {string.Join(", ", Sections)}");
        }

        bool Want(string k) => only is null || only.Contains(k);
        var docs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var d in analysis["documents"]?.AsArray() ?? [])
        {
            if (d is JsonObject o && o["id"]?.GetValue<string>() is { } id)
            {
                docs[id] = o;
            }
        }

        var goldDocs = gold["documents"]?.AsObject() ?? throw new InvalidDataException("the gold file has no 'documents' object");
        var raws = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (did, _) in goldDocs)
        {
            var path = rawDir is null ? null : Path.Combine(rawDir, did + ".txt");
            raws[did] = path is not null && File.Exists(path) ? EvalText.ReadLikePython(path) : null;
        }

        var report = new EvalReport();
        if (Want("boilerplate") && rawDir is not null)
        {
            Boilerplate(goldDocs, docs, raws, report);
        }

        if (Want("published") && gold["published"] is JsonObject published)
        {
            int ok = 0, tot = 0, okAll = 0;
            foreach (var (did, g) in published)
            {
                var v = docs.GetValueOrDefault(did)?["published"];
                var hit = JsonNode.DeepEquals(v, g?["value"]);
                okAll += hit ? 1 : 0;
                if (Truthy(g?["determinable"]))
                {
                    tot++;
                    ok += hit ? 1 : 0;
                }
            }

            report.Add("published_acc", tot > 0 ? (double)ok / tot : 0);
            report.Add("published_acc_all", published.Count > 0 ? (double)okAll / published.Count : 0);
        }

        foreach (var kind in new[] { "times", "entities" })
        {
            if (Want(kind))
            {
                Mentions(kind, goldDocs, docs, raws, report);
            }
        }

        if (Want("events"))
        {
            EventEvaluator.Score(analysis, gold, report);
        }

        return report;
    }

    /// <summary>score.py <c>value_ok</c>: the value or an <c>alt</c>, with or without a part of day.</summary>
    public static bool ValueOk(JsonNode? gold, JsonNode? value)
    {
        var v = PyStr(value);
        var ok = new HashSet<string>(StringComparer.Ordinal) { PyStr(gold?["value"]) };
        foreach (var a in gold?["alt"]?.AsArray() ?? [])
        {
            ok.Add(PyStr(a));
        }

        foreach (var x in ok.ToList())
        {
            ok.Add(PartOfDay.Replace(x, "$1"));
        }

        return ok.Contains(v) || ok.Contains(PartOfDay.Replace(v, "$1"));
    }

    public static (double F, double P, double R) F1(int tp, int fp, int fn)
    {
        var p = tp + fp > 0 ? (double)tp / (tp + fp) : 0;
        var r = tp + fn > 0 ? (double)tp / (tp + fn) : 0;
        return (p + r > 0 ? 2 * p * r / (p + r) : 0, p, r);
    }

    private static void Boilerplate(JsonObject goldDocs, Dictionary<string, JsonObject> docs, Dictionary<string, string?> raws, EvalReport report)
    {
        int tp = 0, fp = 0, fn = 0, keptOk = 0, keptTotal = 0;
        foreach (var (did, g) in goldDocs)
        {
            if (raws[did] is not { } raw)
            {
                continue;
            }

            var d = docs.GetValueOrDefault(did);
            var dText = d?["text"]?.GetValue<string>();
            var body = d is not null ? EvalText.Norm(dText) : "";
            var bodyLines = new HashSet<string>(d is not null ? EvalText.SplitLines(dText ?? "").Select(EvalText.Norm) : [], StringComparer.Ordinal);
            bool Present(string l) => EvalText.CodePoints(l) < 25 ? bodyLines.Contains(l) : body.Contains(l, StringComparison.Ordinal);
            var bad = new HashSet<string>(Strings(g?["boilerplate"]).Concat(Strings(g?["captions"])).Select(EvalText.Norm), StringComparer.Ordinal);
            var title = EvalText.Norm(g?["title"]?.GetValue<string>() ?? "");
            var inline = Strings(g?["inline_boilerplate"]).ToList();
            foreach (var line in EvalText.SplitLines(raw))
            {
                var l = EvalText.Norm(line);
                if (l.Length == 0 || l == title)
                {
                    continue;
                }

                if (bad.Contains(l))
                {
                    if (Present(l))
                    {
                        fn++;
                    }
                    else
                    {
                        tp++;
                    }

                    continue;
                }

                keptTotal++;
                foreach (var m in inline)
                {
                    var nm = EvalText.Norm(m);
                    if (l.Contains(nm, StringComparison.Ordinal))
                    {
                        l = EvalText.Norm(l.Replace(nm, "", StringComparison.Ordinal));
                        if (body.Contains(nm, StringComparison.Ordinal))
                        {
                            fn++;
                        }
                        else
                        {
                            tp++;
                        }
                    }
                }

                if (body.Contains(l, StringComparison.Ordinal) || d is not null && l == EvalText.Norm(d["title"]?.GetValue<string>() ?? ""))
                {
                    keptOk++;
                }
                else
                {
                    fp++;
                }
            }
        }

        report.Add("boilerplate_f1", F1(tp, fp, fn).F);
        report.Add("content_kept", keptTotal > 0 ? (double)keptOk / keptTotal : 0);
    }

    private static void Mentions(string kind, JsonObject goldDocs, Dictionary<string, JsonObject> docs, Dictionary<string, string?> raws, EvalReport report)
    {
        int tp = 0, fp = 0, fn = 0, valueOk = 0, valueTotal = 0;
        foreach (var (did, g) in goldDocs)
        {
            var raw = raws[did];
            var gm = new List<(JsonNode Node, long Pos)>();
            foreach (var m in g?[kind]?.AsArray() ?? [])
            {
                if (m is null || Truthy(m["in_caption"]) || Truthy(m["in_boilerplate"]))
                {
                    continue;
                }

                var text = m["text"]?.GetValue<string>() ?? "";
                long? pos = raw is not null ? OccurrencePosition(raw, text, (int)(Number(m["occ"]) ?? 0)) : (long?)Number(m["start"]);
                gm.Add((m, pos ?? 1_000_000_000));
            }

            var sm = (docs.GetValueOrDefault(did)?[kind]?.AsArray() ?? []).Where(s => s is not null).Select(s => s!)
                .OrderBy(s => Number(s["start"]) ?? 0).ToList();
            Func<(JsonNode Node, long Pos), JsonNode, bool> same = kind == "times"
                ? (_, _) => true
                : (gg, ss) => SameType(gg.Node["type"]?.GetValue<string>(), ss["type"]?.GetValue<string>());
            var pairs = MentionAligner.Align(gm, sm, x => x.Pos, x => x.Node["text"]?.GetValue<string>() ?? "", s => s["text"]?.GetValue<string>() ?? "", same);
            tp += pairs.Count;
            fn += gm.Count - pairs.Count;
            fp += sm.Count - pairs.Count;
            if (kind == "times")
            {
                foreach (var (gg, ss) in pairs)
                {
                    if (gg.Node["value_abs"] is JsonValue va && va.TryGetValue<bool>(out var abs) && !abs)
                    {
                        continue;
                    }

                    valueTotal++;
                    valueOk += ValueOk(gg.Node, ss["value"]) ? 1 : 0;
                }
            }
        }

        var (f, p, r) = F1(tp, fp, fn);
        report.Add(kind + "_f1", f);
        report.Add(kind + "_p", p);
        report.Add(kind + "_r", r);
        if (kind == "times")
        {
            report.Add("time_value_acc", valueTotal > 0 ? (double)valueOk / valueTotal : 0);
        }
    }

    private static bool SameType(string? gold, string? system) =>
        system == gold || gold is "GPE" or "LOC" && system is "GPE" or "LOC";

    private static long? OccurrencePosition(string raw, string text, int occ)
    {
        var i = -1;
        for (var k = 0; k <= occ; k++)
        {
            if (i + 1 > raw.Length)
            {
                return null;
            }

            i = raw.IndexOf(text, i + 1, StringComparison.Ordinal);
            if (i < 0)
            {
                return null;
            }
        }

        return i;
    }

    /// <summary>Python's <c>str()</c> of a JSON value: None, True, False, numbers and strings as Python prints them.</summary>
    private static string PyStr(JsonNode? n)
    {
        if (n is null)
        {
            return "None";
        }

        if (n is JsonValue v)
        {
            if (v.TryGetValue<string>(out var s))
            {
                return s;
            }

            if (v.TryGetValue<bool>(out var b))
            {
                return b ? "True" : "False";
            }

            var raw = v.ToJsonString();
            if (raw.IndexOfAny(['.', 'e', 'E']) < 0)
            {
                return raw;
            }

            var d = v.GetValue<double>();
            return d == Math.Floor(d) && Math.Abs(d) < 1e16 ? d.ToString("0.0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
        }

        return n.ToJsonString();
    }

    /// <summary>A JSON number, whether parsed from text or built in memory.</summary>
    private static double? Number(JsonNode? n) =>
        n is JsonValue v && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static bool Truthy(JsonNode? n) => n is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) ? s.Length > 0 : Number(v) is { } d && d != 0);

    private static IEnumerable<string> Strings(JsonNode? n) =>
        (n as JsonArray ?? []).Select(x => x?.GetValue<string>() ?? "");

    private static JsonNode Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonNode.Parse(stream) ?? throw new InvalidDataException($"'{path}' holds no JSON value");
    }
}
