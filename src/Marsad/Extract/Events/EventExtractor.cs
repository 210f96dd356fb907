using Marsad.Extract.Places;
using Marsad.Extract.Quotes;
using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>
/// Finds the events a document reports, sentence by sentence and clause by clause. Rules, in order:
/// <list type="bullet">
/// <item>triggers come from <see cref="EventTriggerFinder"/>; an aggregate ("63 هجوماً") is a quantity, not an event;</item>
/// <item>a perfect-tense report is a fact; an imperfect verb of an attack, talks, decision or message is not (it
/// speaks of the present or the future); threats, demands and statements may be in either tense;</item>
/// <item>modality (<see cref="ModalityFilter"/>): negated or conditional → dropped; a future or governed attack → a
/// threat, unless the sentence has a threat trigger of its own; other future or conditional events → dropped;</item>
/// <item>arguments from the clause (<see cref="EventArgumentAssigner"/>), one event per place;</item>
/// <item>an undated event told in the pluperfect ("وكانت الحكومة قد أعلنت") or set earlier ("في وقت سابق") is background and dropped;</item>
/// <item>a threat needs an attack word near it (a threat of force) and someone who threatens; a demand needs both who demands and of whom;
/// a decision verb needs who decided, a decision noun who decided or where;
/// a message needs an entity; an attack placed only in a country and dated by nothing in its sentence is a
/// generalization; a statement that carries another event of its sentence is that event.</item>
/// </list>
/// </summary>
public sealed class EventExtractor
{
    private static readonly Lazy<EventExtractor> DefaultInstance = new(() => new EventExtractor(EventLexicon.Default, QuoteLexicon.Default, EventOptions.Default, Gazetteer.Default));

    private readonly EventLexicon _lexicon;
    private readonly EventTriggerFinder _finder;
    private readonly ClauseSplitter _clauses;
    private readonly ModalityFilter _modality;
    private readonly AggregateFilter _aggregates;
    private readonly EventArgumentAssigner _arguments;

    public EventExtractor(EventLexicon lexicon, QuoteLexicon quotes, EventOptions options, Gazetteer gazetteer)
    {
        _lexicon = lexicon;
        _finder = new EventTriggerFinder(lexicon);
        _clauses = new ClauseSplitter(lexicon, quotes.Cues);
        _modality = new ModalityFilter(lexicon);
        _aggregates = new AggregateFilter(lexicon);
        _arguments = new EventArgumentAssigner(lexicon, options, gazetteer);
    }

    public static EventExtractor Default => DefaultInstance.Value;

    public IReadOnlyList<EventMention> Extract(Document document)
    {
        if (!document.Has(Layers.Tokens))
        {
            return [];
        }

        var text = new EventText(document);
        var events = new List<EventMention>();
        var sentenceEvents = new List<EventMention>();
        var killings = new List<EventMention>();
        // The last event of each kind (a word that met its need, or a toll): a later definite noun of that kind refers to it.
        var antecedents = new Dictionary<string, EventMention>(StringComparer.Ordinal);
        foreach (var sentence in text.Sentences)
        {
            sentenceEvents.Clear();
            var clauses = _clauses.Split(text, sentence.First, sentence.End);
            var hasThreat = false;
            var hits = new List<(TriggerHit Hit, int Clause)>();
            for (var c = 0; c < clauses.Count; c++)
            {
                foreach (var hit in _finder.Find(text, clauses[c].First, clauses[c].End, sentence, antecedents))
                {
                    hits.Add((hit, c));
                    hasThreat |= hit.Trigger.Type == "threat";
                }
            }

            foreach (var (hit, c) in hits)
            {
                var clause = clauses[c];
                var trigger = hit.Trigger;
                // The number a killing word counts is its victims ("قتل 25 فلسطينيا"), not many attacks.
                if (trigger.IsForce && trigger.Cameo != KillingCameo && (trigger.IsVerb
                        ? _aggregates.HasAggregateSubject(text, hit.Token, clause.End)
                        : _aggregates.IsAggregate(text, hit.Token, clause.First, clause.End)))
                {
                    continue;
                }

                // "قتلت 46 فلسطينيا منذ بدأت الاحتجاجات": a toll or a count of strikes since a date sums many events.
                if (trigger.IsForce && HasSince(text, trigger.Cameo == KillingCameo ? new Clause(sentence.First, sentence.End, false) : clause))
                {
                    continue;
                }

                var type = trigger.Type;
                var speaks = type is "threat" or "demand" or "statement";
                var modality = _modality.Of(text, clause, hit.Token, purposeExempt: trigger.IsForce && !trigger.IsVerb);
                if (modality is Modality.Negated or Modality.Prevented || (modality == Modality.Conditional && !speaks))
                {
                    continue;
                }

                if (trigger.IsForce && (modality != Modality.Fact || trigger.IsPresent))
                {
                    if (hasThreat)
                    {
                        continue;
                    }

                    type = "threat";
                    hasThreat = true;
                }
                else if (!speaks && (modality != Modality.Fact || trigger.IsPresent))
                {
                    continue;
                }

                var background = _modality.IsBackground(text, clause, hit.Token, sentence.First);
                foreach (var assigned in _arguments.Assign(text, clause, c > 0 ? clauses[c - 1] : null, hit, type, sentence))
                {
                    var e = hit.RefersBack ? ReferredTo(assigned, antecedents[trigger.Kind]) : assigned;
                    // Background told in the pluperfect or set earlier, with no day of its own, is no report of the news.
                    if (background && e.Date is null)
                    {
                        continue;
                    }

                    if (Keep(e, trigger) || (e.Type == "demand" && e.Actors.Count > 0 && CallsFor(text, hit, clause)))
                    {
                        sentenceEvents.Add(e);
                        if (!hit.RefersBack)
                        {
                            antecedents[trigger.Kind] = e;
                        }

                        if (trigger.Cameo == KillingCameo)
                        {
                            killings.Add(e);
                        }
                    }
                }
            }

            // "مقتل 29 طفلا" beside the strike that killed them is that strike's toll, not an event of its own.
            if (killings.Count > 0 && sentenceEvents.Exists(e => e.Type is "attack" or "airstrike" && !killings.Contains(e)))
            {
                sentenceEvents.RemoveAll(killings.Contains);
            }

            killings.Clear();
            if (!hits.Exists(h => h.Hit.Trigger.IsForce) && _arguments.Toll(text, sentence) is { } toll)
            {
                sentenceEvents.Add(toll);
                antecedents["force"] = toll;
            }

            // A statement that carries another event of its sentence is that event.
            if (sentenceEvents.Any(e => e.Type != "statement"))
            {
                sentenceEvents.RemoveAll(e => e.Type == "statement");
            }

            events.AddRange(sentenceEvents);
        }

        return events;
    }

    /// <summary>
    /// "طالب غوتيريش بفتح تحقيق"، "دعت الولايات المتحدة إلى إجراء تحقيق": a demand whose addressee is not named still
    /// says what it demands, a verbal noun after ب or إلى.
    /// </summary>
    private static bool CallsFor(EventText text, TriggerHit hit, Clause clause)
    {
        for (var i = hit.Token + hit.Length; i < Math.Min(clause.End, hit.Token + hit.Length + 8); i++)
        {
            if (text.IsPunctuation(i) && text.Text[text.Tokens[i].Span.Start] is '.' or '!' or '?')
            {
                return false;
            }

            if (text.IsWord(i) && text.EntityStartingAt(i) < 0 && (text.Form(i) is "الي" || (text.Prefix(i).StartsWith("ب") && text.Prefix(i).Length < text.Form(i).Length - 2)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "ووقع التفجير قرب مركز للتدليك وسط بغداد": the blast the document reported before, placed here. With no day of its
    /// own it happened on its antecedent's day (not the page's).
    /// </summary>
    private static EventMention ReferredTo(EventMention e, EventMention antecedent) =>
        e.DateFrom is EventDateSource.Clause or EventDateSource.Sentence || e.Anaphoric ? e
            : e with { Date = antecedent.Date, DateFrom = antecedent.DateFrom, DateSpan = antecedent.DateSpan, DayPart = antecedent.DayPart, DayPartSpan = antecedent.DayPartSpan };

    /// <summary>The CAMEO code of killing words: a death reported, which may be the toll of another event.</summary>
    private const string KillingCameo = EventArgumentAssigner.KillingCameo;

    private static bool HasSince(EventText text, Clause clause)
    {
        for (var i = clause.First; i < clause.End; i++)
        {
            if (text.Form(i) is "منذ" or "ومنذ")
            {
                return true;
            }
        }

        return false;
    }

    private static bool Keep(EventMention e, EventTrigger trigger) => e.Type switch
    {
        // A decision verb needs its decider ("أمر الرئيس"); a decision noun ("حظر التجول في البصرة") its actor or place.
        "decision" => e.Actors.Count > 0 || (!trigger.IsVerb && e.Place is not null),
        // An attack placed only in a country and dated by nothing in its sentence is a generalization, not a report.
        "attack" or "airstrike" => !(e.DateFrom is EventDateSource.Published or EventDateSource.None
            && e.Place is { } p && p.StartsWith("cc-", StringComparison.Ordinal)),
        "demand" => e.Actors.Count > 0 && e.Targets.Count > 0,
        "threat" => e.Actors.Count > 0,
        "message" => e.Actors.Count > 0 || e.Targets.Count > 0,
        _ => true,
    };
}
