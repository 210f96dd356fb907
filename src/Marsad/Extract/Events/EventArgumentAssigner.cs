using System.Globalization;
using Marsad.Extract.Actors;
using Marsad.Extract.Places;
using Marsad.Extract.Quotes;
using Marsad.Extract.Times;
using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>
/// Gives a trigger its arguments from the structure of its clause. Rules:
/// <list type="bullet">
/// <item>an entity is a place when it is a gazetteer place after a place preposition (في، قرب، على…) or the
/// proclitic ب, or a site (a base, an airport) anywhere in the clause; a place that holds another place of the clause
/// is dropped (the country when the governorate is named), and each remaining place makes its own event;</item>
/// <item>actor, for a verb: the entities right after it, joined by و (verb-subject order), else the entities before
/// it in the clause (a topic); in a relative clause whose verb has no object pronoun the antecedent is the subject and
/// the entities after the verb are its objects; for a noun: a state adjective right after it or after its weapon ("غارة أمريكية"),
/// else the entities before it in the clause; an entity after a preposition is never an actor;</item>
/// <item>target: the entities after على or ضد, and for a noun its genitive (the first entity within a few words);</item>
/// <item>date: the time expression of the clause nearest the trigger, else of the sentence (one that opens it, or
/// one near the trigger), else (for an event with arguments, in a sentence that does not date it against another
/// event, when the page or the text gave the publication date) the publication date, else null;</item>
/// <item>weapons from <c>weapons.tsv</c> in the clause; killed and injured from a number beside a casualty word;</item>
/// <item>an event needs a known actor or place in its clause, an attack or a threat evidence of armed force
/// (<see cref="Grounded"/>);</item>
/// <item>an attack is an airstrike when its word is one (غارة), when a state adjective names its author ("القصف الأمريكي"),
/// when a state (a country, or a government, ministry or armed force of actors.tsv) strikes with drones or aircraft,
/// or when its weapon is an aircraft; rockets, shells and bombs make an attack, whoever fires them;</item>
/// <item>a threat's author is the clause's subject, else the sentence's.</item>
/// </list>
/// </summary>
internal sealed class EventArgumentAssigner(EventLexicon lexicon, EventOptions options, Gazetteer gazetteer)
{
    /// <summary>Words between two places of one list: a conjunction, a comma, a head ("و محافظة"), a preposition.</summary>
    private const int MaxListGap = 3;

    /// <summary>A time of the sentence further than this (characters) from the trigger belongs to another clause's event.</summary>
    private const int MaxSentenceDateDistance = 80;

    /// <summary>A time that opens the sentence ("يوم الثلاثاء أصدرت…") frames all of it.</summary>
    private const int MaxFrameOffset = 20;

    /// <summary>The CAMEO code of agreements (triggers.tsv).</summary>
    private const string AgreementCameo = "057";

    /// <summary>The CAMEO code of clashes and fighting (triggers.tsv): on the ground, never an airstrike.</summary>
    private const string FightingCameo = "193";

    /// <summary>The CAMEO code of killing words (triggers.tsv).</summary>
    public const string KillingCameo = "1823";

    private static readonly string[] TargetPrepositions = ["علي", "ضد"];
    private static readonly string[] NonActorPrepositions = ["في", "علي", "ضد", "الي", "من", "عن", "مع", "قرب", "بين", "لدي", "عبر", "بحق", "نحو"];

    public IEnumerable<EventMention> Assign(EventText text, Clause clause, Clause? previous, TriggerHit hit, string type, (int First, int End) sentence)
    {
        var t = hit.Token;
        var clauseSpan = text.SpanOf(clause.First, clause.End);
        var places = Places(text, clause, t);
        var actors = Actors(text, clause, previous, hit, sentence);
        var targets = Targets(text, clause, t, hit.Trigger.IsVerb, actors, type);
        var weapons = Weapons(text, clause);
        if (places.Count == 0)
        {
            // "صاروخا استهدف الرياض": a struck place is where the event happened; else the place the sentence gives it.
            // What someone said is placed by its own clause: a place the sentence's other clause names is what was
            // spoken of ("طالب المصدر بالتحرك، مضيفا أن … في المملكة"), not where.
            places = type == "force" ? TargetPlaces(text, targets) : [];
            if (places.Count == 0 && type is not ("demand" or "statement") && SentencePlace(text, sentence, clause, t) is >= 0 and var near)
            {
                places = [near];
            }
        }

        // An agreement is placed where it was reached ("اتفاق سوتشي"، "اجتماع سوتشي الأخير"), never at the places it
        // concerns ("اتفاقا على إنشاء منطقة منزوعة السلاح بإدلب").
        if (type == "decision" && hit.Trigger.Cameo == AgreementCameo)
        {
            places = MeetingPlace(text) is >= 0 and var meeting ? [meeting] : [];
        }

        // A decision is taken where its maker sits: "أمر بوتين باتخاذ إجراءات في سوريا" orders in Russia what is done in
        // Syria. A place of the clause outside the decider's country is the decision's scope; the country is its place.
        if (type == "decision" && hit.Trigger.IsVerb && Seat(text, actors) is >= 0 and var seat
            && !places.Exists(p => text.Entities[p].Place!.Country == text.Entities[seat].Place!.Country))
        {
            places = [seat];
        }

        var (killed, injured, killedSpan, injuredSpan) = Casualties(text, clause.First, clause.End);
        if (killed is null && injured is null && type == "force")
        {
            (killed, injured, killedSpan, injuredSpan) = Casualties(text, sentence.First, sentence.End);
        }

        if (killed is null && hit.Trigger.Cameo == KillingCameo && hit.Trigger.IsVerb && VictimCount(text, t + hit.Length, clause.End) is { } victims)
        {
            (killed, killedSpan) = (victims, text.SpanOf(t, t + hit.Length + 1));
        }

        var force = type == "force";
        var fromAir = hit.Trigger.Cameo == "195" || (hit.Trigger.IsVerb && AntecedentTrigger(text, clause) is { Cameo: "195" });
        var killing = hit.Trigger.Cameo == KillingCameo;
        if (force)
        {
            type = fromAir ? "airstrike" : hit.Trigger.Cameo == FightingCameo ? "attack" : Strike(IsState(text, actors) && (weapons.Contains("drone") || weapons.Contains("aircraft")), weapons);
        }

        // Who threatens: the clause's subject, else the sentence's ("أصدرت الهيئة بياناً أكدت فيه أنها ستوجه ضربات").
        if (type == "threat" && actors.Count == 0)
        {
            actors = SentenceTopic(text, sentence, t);
        }

        var cameo = type switch
        {
            "airstrike" => "195",
            "threat" => "138",
            _ => hit.Trigger.Cameo,
        };

        var (date, from, dateSpan) = Date(text, clauseSpan, sentence, t, text.Document.Published);
        if (from == EventDateSource.None && Relative(text, sentence, t, text.Document.Published) is { } relative)
        {
            (date, from, dateSpan) = (relative.Date, EventDateSource.Sentence, relative.Span);
        }

        var anaphoric = places.Count == 0 && actors.Count == 0 && targets.Count == 0 && from == EventDateSource.None;
        if (from == EventDateSource.None && !anaphoric && options.PublishedFallback && !AnchoredElsewhere(text, sentence)
            && text.Document.PublishedFrom is PublishedFrom.Metadata or PublishedFrom.Text && text.Document.Published is { } published)
        {
            date = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            from = EventDateSource.Published;
        }

        var (dayPart, dayPartSpan) = from is EventDateSource.Clause or EventDateSource.Sentence && date is { Length: 10 } ? DayPart(text, sentence, t, date) : (null, default);
        var adjectives = StateAdjectiveActors(text, clause, previous, hit, sentence, actors.Count == 0).ToList();

        // A bare mention ("القصف") needs no grounding of its own: it only joins an event its document reports.
        if (!anaphoric && !Grounded(text, clause, previous, (force || hit.Trigger.Type == "threat") && !hit.RefersBack, weapons, killed is not null || injured is not null, adjectives.Count > 0))
        {
            yield break;
        }

        var trigger = text.SpanOf(t, t + hit.Length);
        var actorRefs = actors.Select(e => text.Entities[e].Ref).Distinct(StringComparer.Ordinal).ToList();
        var targetRefs = targets.Select(e => text.Entities[e].Ref).Where(r => !actorRefs.Contains(r)).Distinct(StringComparer.Ordinal).ToList();
        actorRefs.AddRange(adjectives.Where(r => !actorRefs.Contains(r)));
        if (actorRefs.Count == 0 && hit.Trigger.IsVerb && !force && GenericSpeakerAfter(text, t + hit.Length, clause.End) && LastSpeaker(text, sentence) is { } speaker)
        {
            actorRefs.Add(speaker);
            targetRefs.Remove(speaker);
        }

        if (force && actors.Count == 0 && actorRefs.Count > 0 && !fromAir && hit.Trigger.Cameo != FightingCameo)
        {
            // A state's hand makes a strike from the air, but a death it caused says nothing of how ("قتل برصاص الجيش").
            type = killing && !weapons.Contains("aircraft") && !weapons.Contains("drone") ? "attack" : Strike(true, weapons);
            cameo = type == "airstrike" ? "195" : cameo;
        }

        // A call or a statement is made where its speaker sits: a state's or its ministry's is placed in that country.
        if (places.Count == 0 && type is "demand" or "statement" && SpeakerSeat(text, actorRefs) is >= 0 and var seatOfSpeaker)
        {
            places = [seatOfSpeaker];
        }

        if (places.Count == 0)
        {
            yield return new EventMention(trigger, clauseSpan, type, cameo, actorRefs, targetRefs, null, weapons, killed, injured, date, from, dateSpan, anaphoric, killedSpan, injuredSpan, dayPart, dayPartSpan);
            yield break;
        }

        foreach (var p in places)
        {
            yield return new EventMention(trigger, clauseSpan, type, cameo, actorRefs, targetRefs, text.Entities[p].Ref, weapons, killed, injured, date, from, dateSpan, false, killedSpan, injuredSpan, dayPart, dayPartSpan);
        }
    }

    /// <summary>
    /// An event must be about the world the catalogue knows: some entity of its clause (or of the antecedent's clause)
    /// is a known actor or a place. An attack or a threat needs evidence of armed force besides, since "هجوم" and
    /// "ضربة" are also a football team's attack and a blow: a weapon, a casualty word, a state adjective, an armed
    /// group, an armed force or a state among the clause's entities, or a military site.
    /// </summary>
    private bool Grounded(EventText text, Clause clause, Clause? previous, bool force, List<string> weapons, bool counted, bool stateAdjective)
    {
        var from = clause.Relative && previous is { } p ? p.First : clause.First;
        // A state named by its adjective ("برصاص الاحتلال الإسرائيلي") is a known actor.
        var known = stateAdjective;
        var armed = weapons.Count > 0 || counted || stateAdjective;
        for (var e = 0; e < text.Entities.Count && !(known && armed); e++)
        {
            var first = text.EntityTokens[e].First;
            if (first < from || first >= clause.End)
            {
                continue;
            }

            var m = text.Entities[e];
            known |= m.Actor is not null || m.Place is not null;
            armed |= m.Actor is { Kind: "armed_group" or "armed_forces" or "coalition" } || m.Ref.StartsWith("cc-", StringComparison.Ordinal)
                || m.Actor is { Kind: "government" or "ministry" } || m.Place is { Source: PlaceSource.Site, Type: "FAC" };
        }

        if (force && !armed)
        {
            for (var i = clause.First; i < clause.End && !armed; i++)
            {
                armed = text.TryLookup(lexicon.Casualties, i, out _);
            }
        }

        return known && (!force || armed);
    }

    private List<int> Places(EventText text, Clause clause, int trigger)
    {
        var found = new List<int>();
        for (var e = 0; e < text.Entities.Count; e++)
        {
            var (first, _) = text.EntityTokens[e];
            if (first < clause.First || first >= clause.End || text.Entities[e].Place is not { } place)
            {
                continue;
            }

            var isSite = place.Source == PlaceSource.Site && place.Type == "FAC";
            if ((isSite || AfterPlacePreposition(text, first)) && !IsLocator(text, first) && !SetApart(text, Math.Min(first, trigger), Math.Max(first, trigger)))
            {
                found.Add(e);
            }
        }

        // A container of another named place says less: keep the innermost places.
        var inner = found.Where(e => !found.Any(o => o != e && text.Entities[o].Ref != text.Entities[e].Ref
                && gazetteer.IsWithin(text.Entities[o].Place!, text.Entities[e].Place!)))
            .GroupBy(e => text.Entities[e].Ref, StringComparer.Ordinal).Select(g => g.First()).ToList();
        return Coordinated(text, inner, trigger);
    }

    /// <summary>
    /// Places listed together ("على الرياض وخميس مشيط ونجران") are one event each; a place further on in the clause,
    /// apart from them ("… على حدود غزة، تزامنا مع افتتاح السفارة في القدس"), is the setting of something else. Keeps the
    /// place nearest the trigger and those joined to it with at most <see cref="MaxListGap"/> words between.
    /// </summary>
    private static List<int> Coordinated(EventText text, List<int> places, int trigger)
    {
        if (places.Count < 2)
        {
            return places;
        }

        var ordered = places.OrderBy(e => text.EntityTokens[e].First).ToList();
        var nearest = ordered.IndexOf(ordered.MinBy(e => Math.Abs(text.EntityTokens[e].First - trigger)));
        int lo = nearest, hi = nearest;
        while (lo > 0 && text.EntityTokens[ordered[lo]].First - text.EntityTokens[ordered[lo - 1]].Last - 1 <= MaxListGap)
        {
            lo--;
        }

        while (hi + 1 < ordered.Count && text.EntityTokens[ordered[hi + 1]].First - text.EntityTokens[ordered[hi]].Last - 1 <= MaxListGap)
        {
            hi++;
        }

        return ordered.GetRange(lo, hi - lo + 1);
    }

    /// <summary>The targets that are places (a city, a site), innermost first as <see cref="Places"/> keeps them.</summary>
    private List<int> TargetPlaces(EventText text, List<int> targets)
    {
        var found = targets.Where(e => text.Entities[e].Place is not null).ToList();
        return found.Where(e => !found.Any(o => o != e && text.Entities[o].Ref != text.Entities[e].Ref
                && gazetteer.IsWithin(text.Entities[o].Place!, text.Entities[e].Place!)))
            .GroupBy(e => text.Entities[e].Ref, StringComparer.Ordinal).Select(g => g.First()).ToList();
    }

    /// <summary>
    /// The place of the sentence outside the trigger's clause that is used as a place (after a place preposition, or a
    /// site), nearest the trigger; a place inside another place of the sentence is preferred to its container. -1 if none.
    /// </summary>
    private int SentencePlace(EventText text, (int First, int End) sentence, Clause clause, int trigger)
    {
        var found = new List<int>();
        for (var e = 0; e < text.Entities.Count; e++)
        {
            var (first, _) = text.EntityTokens[e];
            if (first < sentence.First || first >= sentence.End || (first >= clause.First && first < clause.End) || !IsPlaceUse(text, e) || IsLocator(text, first)
                || SetApart(text, Math.Min(first, trigger), Math.Max(first, trigger)))
            {
                continue;
            }

            found.Add(e);
        }

        var inner = found.Where(e => !found.Any(o => o != e && text.Entities[o].Ref != text.Entities[e].Ref
            && gazetteer.IsWithin(text.Entities[o].Place!, text.Entities[e].Place!))).ToList();
        return inner.Count == 0 ? -1 : inner.MinBy(e => Math.Abs(text.EntityTokens[e].First - trigger));
    }

    /// <summary>
    /// A phrase that sets the event against another ("قبيل ساعات من تدشين السفارة في القدس") lies between the two tokens:
    /// what follows it is the other event's.
    /// </summary>
    private bool SetApart(EventText text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if ((text.TryLookup(lexicon.ClauseMarkers, i, out var kind) || text.TryLookupPair(lexicon.ClauseMarkers, i, out kind)) && kind == "setting")
            {
                return true;
            }
        }

        return false;
    }

    private bool AfterPlacePreposition(EventText text, int token)
    {
        if (text.Prefix(token).Contains('ب'))
        {
            return true;
        }

        // Walk back over generic heads ("في مقار الحشد"، "بمحافظتي") and coordinated names to the preposition.
        for (var i = token - 1; i >= Math.Max(0, token - 8); i--)
        {
            if (text.IsPunctuation(i))
            {
                if (text.Text[text.Tokens[i].Span.Start] is '(' or '“' or '«' or '"' or '،' or ',')
                {
                    continue;
                }

                return false;
            }

            var isHead = text.TryLookup(lexicon.PlacePrepositions, i, out var kind) && kind == "head";
            if (kind == "preposition" && !isHead)
            {
                return true;
            }

            if (isHead || text.Form(i) is "و")
            {
                if (isHead && text.Prefix(i).Contains('ب'))
                {
                    return true;
                }

                continue;
            }

            var e = EntityEndingAt(text, i);
            if (e < 0 || text.Entities[e].Place is null)
            {
                return false;
            }

            i = text.EntityTokens[e].First;
            if (text.Prefix(i).Contains('ب'))
            {
                return true;
            }
        }

        return false;
    }

    private static int EntityEndingAt(EventText text, int token)
    {
        for (var e = 0; e < text.Entities.Count; e++)
        {
            if (text.EntityTokens[e].Last == token)
            {
                return e;
            }
        }

        return -1;
    }

    /// <summary>"قاعدة الحرير في أربيل"، "مطار حرير بأربيل": a place right after another place locates it; it is not where the event is.</summary>
    private bool IsLocator(EventText text, int token)
    {
        var previous = token - 1;
        if (!text.Prefix(token).Contains('ب'))
        {
            if (previous < 0 || text.Form(previous) is not "في")
            {
                return false;
            }

            previous--;
        }

        if (previous < 0)
        {
            return false;
        }

        var e = EntityEndingAt(text, previous);
        if (e < 0 || text.Entities[e].Place is not { } inner || text.Entities[EntityIndexAt(text, token)].Place is not { } outer)
        {
            return false;
        }

        // Only a place that holds the one before it locates it ("سفيرة الولايات المتحدة ببغداد" does not).
        var sameRegion = gazetteer.RegionOf(inner) is { } ri && gazetteer.RegionOf(outer) is { } ro && ri.Id == ro.Id;
        return gazetteer.IsWithin(inner, outer) || (sameRegion && !outer.IsCountry);
    }

    private static int EntityIndexAt(EventText text, int token)
    {
        var e = text.EntityStartingAt(token);
        return e < 0 ? 0 : e;
    }

    private bool IsPlaceUse(EventText text, int e) =>
        text.Entities[e].Place is { } place && (place.Source == PlaceSource.Site || AfterPlacePreposition(text, text.EntityTokens[e].First));

    private bool AfterPreposition(EventText text, int token)
    {
        var prefix = text.Prefix(token);
        if (prefix.Contains('ب') || prefix.Contains('ل') && !prefix.EndsWith("ال"))
        {
            return true;
        }

        return token > 0 && NonActorPrepositions.AsSpan().Contains(text.Form(token - 1).ToString());
    }

    /// <summary>
    /// The country of the actors, when they all have the same one (a state, a state organ, a person of the actors table),
    /// as a mention of that country in the document; -1 otherwise.
    /// </summary>
    private static int Seat(EventText text, List<int> actors)
    {
        string? country = null;
        foreach (var e in actors)
        {
            var m = text.Entities[e];
            var c = m.Ref.StartsWith("cc-", StringComparison.Ordinal) ? m.Ref[3..] : m.Actor?.Country.ToLowerInvariant();
            if (string.IsNullOrEmpty(c) || (country is not null && c != country))
            {
                return -1;
            }

            country = c;
        }

        return country is null ? -1 : CountryMention(text, country);
    }

    /// <summary>The first mention of a country (lower-case ISO2) as a place in the document, or -1.</summary>
    private static int CountryMention(EventText text, string country)
    {
        for (var e = 0; e < text.Entities.Count; e++)
        {
            if (text.Entities[e].Ref == "cc-" + country && text.Entities[e].Place is not null)
            {
                return e;
            }
        }

        return -1;
    }

    /// <summary>
    /// The entity right before the verb that opens its clause (after أن/إن, a quotation mark or و only): subject-verb
    /// order. -1 when there is none, or when it is a place used as one or follows a preposition.
    /// </summary>
    private int OpeningSubject(EventText text, Clause clause, int t)
    {
        var e = t > 0 ? EntityEndingAt(text, t - 1) : -1;
        if (e < 0 || text.EntityTokens[e].First < clause.First || AfterPreposition(text, text.EntityTokens[e].First) || IsPlaceUse(text, e)
            || text.Entities[e].Place is { IsCountry: false })
        {
            return -1;
        }

        for (var i = clause.First; i < text.EntityTokens[e].First; i++)
        {
            if (!(text.IsPunctuation(i) || text.Form(i) is "ان" or "بان" or "و" or "وان"))
            {
                return -1;
            }
        }

        return e;
    }

    /// <summary>
    /// The one place the document names an agreement or a meeting after ("اتفاق سوتشي"، "اجتماع سوتشي"، "قمة أنقرة"):
    /// where the parties met. -1 when it names none, or more than one.
    /// </summary>
    private int MeetingPlace(EventText text)
    {
        var found = -1;
        for (var e = 0; e < text.Entities.Count; e++)
        {
            var first = text.EntityTokens[e].First;
            if (text.Entities[e].Place is not { IsCountry: false } || first == 0 || !text.TryLookup(lexicon.CueWords, first - 1, out var kind)
                || kind is not ("agreement" or "talks"))
            {
                continue;
            }

            if (found >= 0 && text.Entities[found].Ref != text.Entities[e].Ref)
            {
                return -1;
            }

            found = found < 0 ? e : found;
        }

        return found;
    }

    /// <summary>A news outlet or a platform: what it is told is reported, not a message between parties.</summary>
    private static bool IsMedia(LinkedMention m) => m.Actor is { Kind: "outlet" or "platform" };

    /// <summary>An entity with ل right after a word that is no name ("الأمين العام للأمم المتحدة"): a title's genitive.</summary>
    private static bool IsTitleGenitive(EventText text, int token)
    {
        var prefix = text.Prefix(token);
        return prefix.Contains('ل') && !prefix.Contains('ب') && token > 0 && text.IsWord(token - 1) && text.EntityStartingAt(token - 1) < 0
            && EntityEndingAt(text, token - 1) < 0;
    }

    private List<int> SentenceTopic(EventText text, (int First, int End) sentence, int t)
    {
        for (var e = 0; e < text.Entities.Count; e++)
        {
            var first = text.EntityTokens[e].First;
            if (first >= sentence.First && first < t && !AfterPreposition(text, first) && !IsPlaceUse(text, e))
            {
                return [e];
            }
        }

        return [];
    }

    private List<int> Actors(EventText text, Clause clause, Clause? previous, TriggerHit hit, (int First, int End) sentence)
    {
        var t = hit.Token;
        var after = new List<int>();
        if (hit.Trigger.IsPassive || (hit.Trigger.IsForce && !hit.Trigger.IsVerb))
        {
            // Who struck, for a passive verb or a noun, is only the agent the clause names after it ("قتل 25 فلسطينيا
            // برصاص الجيش"، "غارة شنتها قوات التحالف"، "هجوم للحوثيين"): an entity before a noun is some other verb's
            // subject ("دعت الولايات المتحدة إلى تحقيق في الغارة"), and a passive verb's subject is who suffered it.
            return Agent(text, clause, hit);
        }

        // In a relative clause whose verb has no object pronoun ("الذي استهدف مقار الحشد"), the pronoun is the subject
        // and what follows is the object; with one ("التي سلمتها السفيرة") the subject follows the verb.
        var relativeSubject = clause.Relative && hit.Trigger.IsVerb && (t >= text.Segments.Count || text.Segments[t].SuffixLength == 0);
        if (hit.Trigger.IsVerb && !relativeSubject && OpeningSubject(text, clause, t) is >= 0 and var subject)
        {
            // "إن بوتين أبلغ الرئيس الأسد": a name that opens the clause right before the verb is its subject; what
            // follows the verb is its object.
            return [subject];
        }

        if (hit.Trigger.IsVerb && !relativeSubject)
        {
            // Verb-subject order: the entities right after the verb, joined by و.
            var i = t + hit.Length;
            var limit = Math.Min(clause.End, i + options.SubjectWindow);
            var genitive = -1;
            for (; i < limit; i++)
            {
                var e = text.EntityStartingAt(i);
                if (e < 0)
                {
                    if (text.IsPunctuation(i) || AfterPreposition(text, i) || NonActorPrepositions.AsSpan().Contains(text.Form(i).ToString()))
                    {
                        break;
                    }

                    continue;
                }

                if (IsPlaceUse(text, e))
                {
                    // "السفيرة الأميركية بالعراق آلينا رومانوسكي": a place phrase inside the subject.
                    i = text.EntityTokens[e].Last;
                    continue;
                }

                if (hit.Trigger.IsForce && text.Entities[e].Place is { IsCountry: false } && text.Entities[e].Actor is null)
                {
                    // "صاروخ استهدف الرياض": a town or a site does not strike; it is what was struck.
                    break;
                }

                if (AfterPreposition(text, i))
                {
                    // "طالب الأمين العام للأمم المتحدة أنطونيو غوتيريش": an organisation with ل after a title noun is
                    // the title's genitive; the name, if any, follows it, else the organisation speaks.
                    if (i > t + hit.Length && IsTitleGenitive(text, i))
                    {
                        genitive = genitive < 0 ? e : genitive;
                        i = text.EntityTokens[e].Last;
                        limit = Math.Min(clause.End, i + 3);
                        continue;
                    }

                    break;
                }

                after.Add(e);
                i = text.EntityTokens[e].Last;
                if (i + 1 < clause.End && text.Form(i + 1) is not "و" && !text.Form(i + 1).StartsWith('و'))
                {
                    break;
                }

                limit = Math.Min(clause.End, i + 3);
            }

            if (after.Count > 0)
            {
                return after;
            }

            if (genitive >= 0 && !hit.Trigger.IsForce)
            {
                return [genitive];
            }
        }

        // "الغارة التي استهدفت حافلة": the antecedent is the strike itself, which names no striker.
        if (relativeSubject && AntecedentTrigger(text, clause) is not null)
        {
            return [];
        }

        // A topic before the trigger, in its clause (or the antecedent's clause for a relative clause).
        var before = new List<int>();
        var from = clause.Relative && previous is { } p ? p.First : clause.First;
        var to = relativeSubject ? clause.First : t;
        for (var e = 0; e < text.Entities.Count; e++)
        {
            var (first, _) = text.EntityTokens[e];
            if (first >= from && first < to && !AfterPreposition(text, first) && !IsPlaceUse(text, e))
            {
                before.Add(e);
            }
        }

        return before.Count > 2 ? before.GetRange(0, 2) : before;
    }

    /// <summary>
    /// The agent named after a force noun or a passive verb: after an agent word ("برصاص"، "بنيران"، "من قبل"، "على يد"),
    /// after a relative verb of striking with its object pronoun ("شنتها"، "نفذها"), or a noun's genitive with ل right after
    /// it ("هجوم للحوثيين"، "هجوم صاروخي للحوثيين").
    /// </summary>
    private List<int> Agent(EventText text, Clause clause, TriggerHit hit)
    {
        var start = hit.Token + hit.Length;
        for (var i = start; i < clause.End - 1; i++)
        {
            if (text.IsPunctuation(i))
            {
                break;
            }

            // "قبل" and "يد" name an agent only as "من قبل" and "على يد".
            var isAgentWord = text.TryLookup(lexicon.CueWords, i, out var kind) && kind is "agent" or "agent-verb"
                && (kind == "agent" || (i < text.Segments.Count && text.Segments[i].SuffixLength > 0))
                && !(text.Stem(i) is "قبل" && (i == 0 || text.Form(i - 1) is not "من"))
                && !(text.Stem(i) is "يد" && (i == 0 || text.Form(i - 1) is not "علي"));
            if (isAgentWord && text.EntityStartingAt(i + 1) is >= 0 and var agent && !IsPlaceUse(text, agent))
            {
                return [agent];
            }

            if (!hit.Trigger.IsVerb && i - start < 2 && text.EntityStartingAt(i) is >= 0 and var genitive
                && text.Prefix(i) is var prefix && prefix.Contains('ل') && !prefix.EndsWith("ال") && text.Entities[genitive].Place is null)
            {
                return [genitive];
            }
        }

        return [];
    }

    /// <summary>The event noun a relative clause hangs on ("الغارة التي …"), or null.</summary>
    private EventTrigger? AntecedentTrigger(EventText text, Clause clause)
    {
        if (!clause.Relative)
        {
            return null;
        }

        var i = clause.First - 1;
        while (i >= 0 && text.IsPunctuation(i))
        {
            i--;
        }

        // Past one adjective of the noun ("الغارة الجوية التي").
        for (var k = 0; k < 2 && i - k >= 0; k++)
        {
            if (text.TryLookup(lexicon.Triggers, i - k, out var trigger) && !trigger.IsVerb)
            {
                return trigger;
            }
        }

        return null;
    }

    private List<int> Targets(EventText text, Clause clause, int t, bool verb, List<int> actors, string type)
    {
        var targets = new List<int>();
        for (var e = 0; e < text.Entities.Count; e++)
        {
            var (first, _) = text.EntityTokens[e];
            if (first <= t || first >= clause.End || actors.Contains(e))
            {
                continue;
            }

            var afterTargetWord = false;
            if (type is "message")
            {
                // A message goes to someone: "سلمتها … لوزير الخارجية"، "إلى الحكومة"; a verb of informing takes them as
                // its object ("أبلغ بوتين نظيره السوري بشار الأسد"). A news outlet told something is a source, no addressee.
                if (IsMedia(text.Entities[e]))
                {
                    continue;
                }

                for (var i = first; i > t && i >= first - 3; i--)
                {
                    var prefix = text.Prefix(i);
                    afterTargetWord |= (prefix.Contains('ل') && !prefix.EndsWith("ال")) || (i < first && text.Form(i) is "الي");
                }

                afterTargetWord |= verb && actors.Count > 0 && first - t <= options.SubjectWindow + 6 && !AfterPreposition(text, first)
                    && text.Entities[e].Place is null;
            }
            else if (type is "demand")
            {
                // Who is called on: the verb's direct object ("دعا الحكومة إلى") or after من ("طالب من الحكومة").
                afterTargetWord = verb && first - t <= options.SubjectWindow + 2
                    && (!AfterPreposition(text, first) || text.Form(first - 1) is "من");
            }
            else
            {
                for (var i = first - 1; i > t && i >= first - 3; i--)
                {
                    afterTargetWord |= TargetPrepositions.AsSpan().Contains(text.Form(i).ToString());
                }
            }

            var directObject = (clause.Relative && verb && (t >= text.Segments.Count || text.Segments[t].SuffixLength == 0)
                && first - t <= options.ObjectWindow && text.Entities[e].Place is null)
                || (type == "force" && verb && first - t <= 2 && !AfterPreposition(text, first)
                    && text.Entities[e].Place is { IsCountry: false } && text.Entities[e].Actor is null);
            if (afterTargetWord || directObject || (type is not ("message" or "demand") && !verb && first - t <= options.ObjectWindow && text.Entities[e].Place is null))
            {
                targets.Add(e);
            }
        }

        return targets;
    }

    private IEnumerable<string> StateAdjectiveActors(EventText text, Clause clause, Clause? previous, TriggerHit hit, (int First, int End) sentence, bool noActor)
    {
        // A state adjective right after the trigger or its weapon: "غارة أمريكية"، "ضربات نفذتها مسيرات أميركية".
        var t = hit.Token + hit.Length;
        var previousIsHead = true;
        for (var i = t; i < Math.Min(clause.End, t + 4); i++)
        {
            if (previousIsHead && text.TryLookup(lexicon.StateAdjectives, i, out var state))
            {
                yield return state;
                yield break;
            }

            // Past a relative verb to its weapon ("ضربات نفذتها مسيرات أميركية"), never past another noun.
            previousIsHead = text.TryLookup(lexicon.Weapons, i, out _);
            if (!previousIsHead && !(i == t && i + 1 < clause.End && text.TryLookup(lexicon.Weapons, i + 1, out _)))
            {
                break;
            }
        }

        if (!noActor || !hit.Trigger.IsForce)
        {
            yield break;
        }

        // An armed force named by its state in the clause, not as a target: "قصفت الطائرات التركية"، "شنت طائرات أمريكية غارات".
        for (var i = clause.First; i + 1 < clause.End; i++)
        {
            if (text.TryLookup(lexicon.CueWords, i, out var kind) && kind == "armed" && !AfterPreposition(text, i)
                && !(i > 0 && TargetPrepositions.AsSpan().Contains(text.Form(i - 1).ToString()))
                && text.TryLookup(lexicon.StateAdjectives, i + 1, out var armedState))
            {
                yield return armedState;
                yield break;
            }
        }

        // A relative clause's antecedent ("القصف الأمريكي الذي استهدف"), or a force word of the sentence with its
        // state adjective ("قصفين أمريكيين … الذي اغتيل").
        for (var i = sentence.First; i + 1 < sentence.End; i++)
        {
            if (i != hit.Token && IsForceWord(text, i) && text.TryLookup(lexicon.StateAdjectives, i + 1, out var s))
            {
                yield return s;
                yield break;
            }
        }
    }

    private bool IsForceWord(EventText text, int i)
    {
        if (text.TryLookup(lexicon.Triggers, i, out var t))
        {
            return t.IsForce;
        }

        // A dual or plural of a force noun the table does not list ("قصفين").
        var stem = text.Stem(i);
        return stem.Length > 3 && lexicon.Triggers.TryGet(stem[..3], out var root) && root.IsForce;
    }

    /// <summary>A state's strike from the air is an airstrike; rockets, missiles, shells and bombs make an attack, whoever fires them.</summary>
    private static string Strike(bool state, List<string> weapons)
    {
        var ground = weapons.Exists(w => w is "rocket" or "ballistic_missile" or "missile" or "artillery" or "ied" or "small_arms");
        return weapons.Contains("aircraft") || (state && !ground) ? "airstrike" : "attack";
    }

    private bool IsState(EventText text, List<int> actors)
    {
        foreach (var e in actors)
        {
            var m = text.Entities[e];
            if (m.Ref.StartsWith("cc-", StringComparison.Ordinal) || (m.Actor is { } a && a.Country.Length > 0 && options.StateKinds.Contains(a.Kind)))
            {
                return true;
            }
        }

        return false;
    }

    private List<string> Weapons(EventText text, Clause clause)
    {
        var weapons = new List<string>();
        for (var i = clause.First; i < clause.End; i++)
        {
            if (text.TryLookup(lexicon.Weapons, i, out var w) && !weapons.Contains(w.Weapon) && (!w.AfterForce || (i > 0 && IsForceWord(text, i - 1))))
            {
                weapons.Add(w.Weapon);
            }
        }

        return weapons;
    }

    /// <summary>
    /// "قتل محتج" (a protester was killed), "قتل فلسطينيان" (two): a killing verb's indefinite victim noun counts one,
    /// or two in the dual; null for anything else (a definite noun is a subject, a plural no number).
    /// </summary>
    private static int? VictimCount(EventText text, int next, int end)
    {
        if (next >= end || !text.IsWord(next) || text.Prefix(next).Length > 0 || text.EntityStartingAt(next) >= 0)
        {
            return null;
        }

        var form = text.Form(next);
        if (form.Length < 3 || form.StartsWith("ال") || !form.ToString().All(char.IsLetter))
        {
            return null;
        }

        if (form.EndsWith("ان") && form.Length > 4)
        {
            return 2;
        }

        return form.EndsWith("ون") || form.EndsWith("ين") || form.EndsWith("ات") ? null : 1;
    }

    /// <summary>
    /// A sentence that gives a toll and no event of its own ("أوردت قناة المسيرة أن عدد القتلى بلغ 39 مدنيا") speaks of
    /// the strike its document reports: an anaphoric attack mention with the counts, or null when it gives none, or
    /// counts since a date (a sum over many events).
    /// </summary>
    public EventMention? Toll(EventText text, (int First, int End) sentence)
    {
        var (killed, injured, killedSpan, injuredSpan) = Casualties(text, sentence.First, sentence.End);
        if (killed is null && injured is null)
        {
            return null;
        }

        for (var i = sentence.First; i < sentence.End; i++)
        {
            if (text.Form(i) is "منذ" or "ومنذ")
            {
                return null;
            }
        }

        // Its day and place, as the sentence gives them, let it stand for its event when the document reports no other.
        var words = killed is not null ? killedSpan : injuredSpan;
        var at = sentence.First;
        while (at + 1 < sentence.End && text.Tokens[at].Span.End <= words.Start)
        {
            at++;
        }

        var whole = new Clause(sentence.First, sentence.End, false);
        var (date, from, dateSpan) = Date(text, text.SpanOf(sentence.First, sentence.End), sentence, at, text.Document.Published);
        var places = Places(text, whole, at);
        return new EventMention(words, text.SpanOf(sentence.First, sentence.End), "attack", "190", [], [], places.Count > 0 ? text.Entities[places[0]].Ref : null, [], killed, injured,
            date, from, dateSpan, true, killedSpan, injuredSpan);
    }

    private (int? Killed, int? Injured, TextSpan KilledSpan, TextSpan InjuredSpan) Casualties(EventText text, int from, int to)
    {
        int? killed = null, injured = null;
        TextSpan killedSpan = default, injuredSpan = default;
        var clause = new Clause(from, to, false);
        var span = text.SpanOf(clause.First, clause.End);
        foreach (var n in text.Numbers)
        {
            // "عشرات القتلى" (dozens) is no count a source can be held to.
            if (n.Span.Start < span.Start || n.Span.End > span.End || n.Value < 1 || n.Value > 100000 || (n.IsWords && n.Approx))
            {
                continue;
            }

            // The casualty word right after the number ("5 قتلى", "110 جرحى") or within two words before it ("إصابة نحو 110").
            var k = 0;
            while (k < text.Tokens.Count && text.Tokens[k].Span.End <= n.Span.End - 1)
            {
                k++;
            }

            string? kind = null;
            var words = n.Span;
            if (k + 1 < clause.End && text.TryLookup(lexicon.Casualties, k + 1, out var after) && !after.EndsWith("-verb", StringComparison.Ordinal))
            {
                kind = after;
                words = new TextSpan(n.Span.Start, text.Tokens[k + 1].Span.End);
            }
            else
            {
                var first = k;
                while (first > clause.First && text.Tokens[first - 1].Span.End > n.Span.Start)
                {
                    first--;
                }

                // "إصابة نحو 110"، "عدد القتلى الاثنين إلى 55".
                for (var i = first - 1; i >= Math.Max(clause.First, first - 3) && kind is null; i--)
                {
                    if (text.TryLookup(lexicon.Casualties, i, out var before))
                    {
                        kind = before.Replace("-verb", "", StringComparison.Ordinal);
                        words = new TextSpan(text.Tokens[i].Span.Start, Math.Min(span.End, text.Tokens[Math.Min(k + 1, text.Tokens.Count - 1)].Span.End));
                    }
                }
            }

            if (kind == "killed" && killed is null)
            {
                (killed, killedSpan) = ((int)n.Value, words);
            }
            else if (kind == "injured" && injured is null)
            {
                (injured, injuredSpan) = ((int)n.Value, words);
            }
        }

        return (killed, injured, killedSpan, injuredSpan);
    }

    /// <summary>
    /// The date of the event from the clause's or the sentence's time expressions. A reported event happened before its
    /// report: a time after the publication date (a deadline, "next Sunday") names something else and never dates it.
    /// </summary>
    private static (string? Date, EventDateSource From, TextSpan Span) Date(EventText text, TextSpan clause, (int First, int End) sentence, int trigger, DateOnly? published)
    {
        var sentenceSpan = text.SpanOf(sentence.First, sentence.End);
        var at = text.Tokens[trigger].Span.Start;
        var dct = published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        TimeMention? bestClause = null, bestSentence = null;
        foreach (var m in text.Times)
        {
            if (DateValue(m) is not { } value || !(m.Span.Start >= sentenceSpan.Start && m.Span.End <= sentenceSpan.End)
                || (dct is not null && string.CompareOrdinal(value, dct[..value.Length]) > 0))
            {
                continue;
            }

            var inClause = m.Span.Start >= clause.Start && m.Span.End <= clause.End;
            if (inClause && (bestClause is null || Distance(m, at) < Distance(bestClause, at)))
            {
                bestClause = m;
            }

            var frame = m.Span.Start - sentenceSpan.Start <= MaxFrameOffset;
            if ((frame || Distance(m, at) <= MaxSentenceDateDistance) && (bestSentence is null || Distance(m, at) < Distance(bestSentence, at)))
            {
                bestSentence = m;
            }
        }

        if (bestClause is not null)
        {
            return (DateValue(bestClause), EventDateSource.Clause, bestClause.Span);
        }

        return bestSentence is not null ? (DateValue(bestSentence), EventDateSource.Sentence, bestSentence.Span) : (null, EventDateSource.None, default);
    }

    /// <summary>
    /// The part of the event's day that a time of its sentence gives ("مساء هذا اليوم (الأحد)"، "في ساعة متأخرة من الأحد"):
    /// the nearest time to the trigger on that day with a part of day; none when the sentence gives none.
    /// </summary>
    private static (string? Part, TextSpan Span) DayPart(EventText text, (int First, int End) sentence, int trigger, string day)
    {
        var span = text.SpanOf(sentence.First, sentence.End);
        var at = text.Tokens[trigger].Span.Start;
        TimeMention? best = null;
        foreach (var m in text.Times)
        {
            if (m.Span.Start >= span.Start && m.Span.End <= span.End && m.Value is { Length: 13 } v && v[10] == 'T' && v.StartsWith(day, StringComparison.Ordinal)
                && char.IsAsciiLetter(v[11]) && (best is null || Distance(m, at) < Distance(best, at)))
            {
                best = m;
            }
        }

        return best is null ? (null, default) : (best.Value![11..], best.Span);
    }

    /// <summary>
    /// "وطالب المصدر المجتمع الدولي": a generic speaker noun with the article (cue-words.tsv, kind <c>speaker</c>) right
    /// after the verb is its subject, a speaker the document named before.
    /// </summary>
    private bool GenericSpeakerAfter(EventText text, int i, int end) =>
        i < end && text.IsWord(i) && text.EntityStartingAt(i) < 0 && text.Prefix(i).EndsWith("ال")
        && text.TryLookup(lexicon.CueWords, i, out var kind) && kind == "speaker";

    /// <summary>
    /// The country's mention in the document for speakers who all speak for one country: a country, an actor of the
    /// catalogue with its country, or an organization named by a nationality adjective (وزارة الخارجية الكويتية); -1 else.
    /// </summary>
    private static int SpeakerSeat(EventText text, IReadOnlyList<string> speakers)
    {
        string? country = null;
        foreach (var speaker in speakers)
        {
            var c = speaker.StartsWith("cc-", StringComparison.Ordinal) ? speaker[3..] : null;
            for (var e = 0; e < text.Entities.Count && c is null; e++)
            {
                var m = text.Entities[e];
                if (m.Ref == speaker)
                {
                    c = m.Actor is { Country.Length: > 0 } a ? a.Country.ToLowerInvariant()
                        : Demonyms.Default.CountryOf(NameKey.Of(LastWord(m.Mention.Text)))?.ToLowerInvariant();
                }
            }

            if (c is null || (country is not null && c != country))
            {
                return -1;
            }

            country = c;
        }

        return country is null ? -1 : CountryMention(text, country);
    }

    private static string LastWord(string name) => name[(name.LastIndexOf(' ') + 1)..];

    /// <summary>The speaker of the last reported speech before the sentence ("وقال مصدر مسؤول في وزارة الخارجية الكويتية").</summary>
    private static string? LastSpeaker(EventText text, (int First, int End) sentence)
    {
        if (!text.Document.Has(QuoteLayers.Quotes))
        {
            return null;
        }

        var start = text.Tokens[sentence.First].Span.Start;
        string? speaker = null;
        foreach (var q in text.Document.Get(QuoteLayers.Quotes))
        {
            if (q.CueSpan.Start < start && q.Speaker is { } s)
            {
                speaker = s;
            }
        }

        return speaker;
    }

    /// <summary>
    /// "وجاء القرار بعد يومين من اغتيال سليماني": an event a number of days before (بعد … من) or after (قبل … من) another
    /// whose day the text gives. That day is the main clause's: a day the sentence names before "بعد"، else, when the
    /// sentence opens with "جاء"/"يأتي" (it came), the last day the sentence before names, else (for "يأتي ذلك", now) the
    /// publication date.
    /// </summary>
    private static (string Date, TextSpan Span)? Relative(EventText text, (int First, int End) sentence, int trigger, DateOnly? published)
    {
        var at = text.Tokens[trigger].Span.Start;
        foreach (var m in text.Times)
        {
            if (m.Kind != TimeKind.Duration || m.Span.End > at || m.Span.Start < text.Tokens[sentence.First].Span.Start || DurationDays.Of(m.Value) is not { } days)
            {
                continue;
            }

            var first = sentence.First;
            while (first < trigger && text.Tokens[first].Span.Start < m.Span.Start)
            {
                first++;
            }

            var next = first;
            while (next < trigger && text.Tokens[next].Span.Start < m.Span.End)
            {
                next++;
            }

            var sign = first > sentence.First ? (text.Form(first - 1) is "بعد" ? -1 : text.Form(first - 1) is "قبل" ? 1 : 0) : 0;
            if (sign == 0 || next >= trigger || text.Form(next) is not "من" || trigger - next > 3
                || AnchorDay(text, sentence, text.Tokens[first - 1].Span.Start, published) is not { } anchor)
            {
                continue;
            }

            var day = anchor.AddDays(sign * days);
            if (published is { } p && day > p)
            {
                continue;
            }

            return (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Span);
        }

        return null;
    }

    /// <summary>The day of the clause that a "بعد يومين من" phrase starting at <paramref name="before"/> hangs on.</summary>
    private static DateOnly? AnchorDay(EventText text, (int First, int End) sentence, int before, DateOnly? published)
    {
        var start = text.Tokens[sentence.First].Span.Start;
        DateOnly? Last(int from, int to)
        {
            DateOnly? day = null;
            foreach (var m in text.Times)
            {
                if (m.Span.Start >= from && m.Span.End <= to && DateValue(m) is { Length: 10 } v
                    && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    day = d;
                }
            }

            return day;
        }

        if (Last(start, before) is { } own)
        {
            return own;
        }

        var opener = text.Form(sentence.First);
        opener = opener.Length > 3 && opener[0] == 'و' ? opener[1..] : opener;
        var present = opener is "ياتي" or "تاتي";
        if (!present && opener is not ("جاء" or "جاءت" or "اتي" or "اتت"))
        {
            return null;
        }

        var index = text.SentenceOf(sentence.First);
        if (index > 0 && Last(text.Tokens[text.Sentences[index - 1].First].Span.Start, start) is { } previous)
        {
            return previous;
        }

        return present ? published : null;
    }

    /// <summary>"بعد يومين من اغتيال…": a duration in the sentence dates the event against another event, not the day of publication.</summary>
    private static bool AnchoredElsewhere(EventText text, (int First, int End) sentence)
    {
        var span = text.SpanOf(sentence.First, sentence.End);
        return text.Times.Any(m => m.Kind == TimeKind.Duration && m.Span.Start >= span.Start && m.Span.End <= span.End);
    }

    private static int Distance(TimeMention m, int at) => Math.Min(Math.Abs(m.Span.Start - at), Math.Abs(m.Span.End - at));

    /// <summary>The calendar date of a time value (YYYY-MM-DD, YYYY-MM or YYYY, a part of day dropped), or null.</summary>
    public static string? DateValue(TimeMention m)
    {
        if (m.Kind is not (TimeKind.Date or TimeKind.Time) || m.Value is not { Length: >= 4 } v || !char.IsAsciiDigit(v[0]))
        {
            return null;
        }

        var cut = v.IndexOf('T', StringComparison.Ordinal);
        if (cut > 0)
        {
            v = v[..cut];
        }

        return v.Length is 4 or 7 or 10 && !v.Contains('W', StringComparison.Ordinal) && v.All(c => char.IsAsciiDigit(c) || c == '-') ? v : null;
    }
}
