using Pilgi.Core.Fusion.Confidence;
using Pilgi.Core.Geometry;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;
using Pilgi.Core.Validation;

namespace Pilgi.Core.Fusion;

/// <summary>
/// Turns recognised regions into template field values. Each region is mapped into template space and assigned to
/// the field whose inflated box covers the largest share of it (at least <see cref="FusionOptions.MinRegionCoverage"/>);
/// regions on pages without a transform stay unassigned. A field's regions are read in <see cref="ReadingOrder"/>;
/// its confidence is their minimum and its box the union of their scan boxes. A field takes regions from one page
/// only (the lowest-numbered page that has any), so duplicate copies of a form in one scan are not concatenated.
/// Values are then validated per field and across fields. Where the recogniser gave alternatives, a value its kind
/// rejects (an RRN whose check digit fails, a 13th month) is replaced by the likeliest joint reading of the field's
/// regions that the kind accepts, within <see cref="FusionOptions.CandidateMargin"/> of the likeliest; its confidence
/// is then that reading's share of the listed probability. A valid but unusual value (a name that starts with no family
/// name, a date months ahead of the day it is read: <see cref="FieldValidator.IsPlausible"/>) likewise gives way to a
/// plausible reading within the margin. An amount in digits that disagrees with the amount in words is settled the same
/// way. Then each kind mends what it can (<see cref="FieldKindRule.Mend"/>): a bank name one letter off a known one
/// becomes that one (<see cref="KnownBanks.TryCorrect"/>) and needs review; so does an e-mail address whose domain is a
/// letter or two off a large provider's (<see cref="EmailAddresses"/>).
/// </summary>
public static class FieldFusion
{
    /// <summary>Single-page scans: one transform for every region, whatever its page number.</summary>
    public static FusionResult Fuse(FormTemplate template, IReadOnlyList<RecognizedRegion> regions,
        AffineTransform scanToTemplate, FusionOptions? options = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var pages = regions.Select(r => r.Page).Append(1).Distinct().ToDictionary(p => p, _ => scanToTemplate);
        return Fuse(template, regions, pages, options, today);
    }

    /// <summary>
    /// One line read alone as a field of <paramref name="kind"/>: what <see cref="Fuse(FormTemplate, IReadOnlyList{RecognizedRegion}, IReadOnlyDictionary{int, AffineTransform}, FusionOptions?, DateOnly?)"/>
    /// makes of a field whose only region is that line (its kind's checks choosing among <paramref name="alternatives"/>,
    /// a bank or address name mended, an e-mail address normalised; validity and review as for a field), with no other
    /// field of a form to weigh it against (an amount is not agreed with an amount in words).
    /// </summary>
    public static FieldResult FuseLine(FieldKind kind, string text, double confidence, IReadOnlyList<ReadCandidate>? alternatives = null,
        FusionOptions? options = null, DateOnly? today = null, SecondOpinion? secondOpinion = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var box = new Box(0, 0, 1, 1);
        var template = new FormTemplate
        {
            Id = LineKey, Title = LineKey, PageWidth = 1, PageHeight = 1, Reference = "", ReferencePath = "",
            Fields = [new TemplateField(LineKey, LineKey, kind, box)],
        };
        var line = new RecognizedRegion(box, 1, text, confidence, alternatives, secondOpinion);
        return Fuse(template, [line], AffineTransform.Identity, options, today).Fields[LineKey];
    }

    private const string LineKey = "line";

    /// <param name="scanToTemplateByPage">1-based page number -> map from scan pixels to template pixels.</param>
    /// <param name="today">The day the form is read, for <see cref="FieldValidator.IsPlausible"/> (dates not far in the
    /// future); null leaves dates unchecked against it.</param>
    public static FusionResult Fuse(FormTemplate template, IReadOnlyList<RecognizedRegion> regions,
        IReadOnlyDictionary<int, AffineTransform> scanToTemplateByPage, FusionOptions? options = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(scanToTemplateByPage);
        options ??= FusionOptions.Default;

        var mapped = new Box[regions.Count];
        var fieldIndex = new int[regions.Count];
        for (int i = 0; i < regions.Count; i++)
        {
            fieldIndex[i] = -1;
            if (!scanToTemplateByPage.TryGetValue(regions[i].Page, out var transform)) continue;
            mapped[i] = transform.Apply(regions[i].ScanBox);
            fieldIndex[i] = BestField(template, mapped[i], options);
        }

        var members = new List<int>[template.Fields.Count];
        for (int f = 0; f < members.Length; f++)
        {
            var candidates = Enumerable.Range(0, regions.Count).Where(i => fieldIndex[i] == f).ToList();
            if (candidates.Count == 0) { members[f] = candidates; continue; }
            int page = candidates.Min(i => regions[i].Page);
            foreach (int i in candidates.Where(i => regions[i].Page != page)) fieldIndex[i] = -1;
            members[f] = candidates.Where(i => regions[i].Page == page).ToList();
        }

        var values = new Dictionary<string, (FieldKind kind, string? value)>(StringComparer.Ordinal);
        var reads = new FieldRead[template.Fields.Count];
        var joints = new IReadOnlyList<CandidateSelection.Joint>?[template.Fields.Count];
        var opinions = new IReadOnlyList<(string Text, double LogProbability, double Share)>?[template.Fields.Count];
        int defaultPage = scanToTemplateByPage.Count > 0 ? scanToTemplateByPage.Keys.Min() : 1;
        for (int f = 0; f < template.Fields.Count; f++)
        {
            reads[f] = Read(members[f], regions, mapped, options, defaultPage);
            joints[f] = members[f].Count == 0 ? null
                : CandidateSelection.JointReadings(members[f].Select(i => regions[i]).ToList(), options.CandidateLimit);
            opinions[f] = OpinionReadings(members[f], regions, mapped, options);
            var kind = template.Fields[f].Kind;
            // a reading its kind rejects, or finds unusual, gives way to the likeliest plausible one (else, for a
            // rejected one, the likeliest valid one) when that one is nearly as likely
            if (joints[f] is { } joint && reads[f].Value is { } value && !FieldValidator.IsPlausible(kind, value, today)
                && (Choose(joint, members[f], mapped, options, v => FieldValidator.IsPlausible(kind, v, today))
                    ?? (FieldValidator.Validate(kind, value).Valid ? null
                        : Choose(joint, members[f], mapped, options, v => FieldValidator.Validate(kind, v).Valid))) is { } chosen)
            {
                reads[f] = reads[f] with { Value = chosen.Value, Confidence = chosen.Share, Chosen = true };
            }
            // what the kind mends beyond the recogniser's readings (a bank name one letter off, an e-mail's domain)
            if (FieldKindRules.For(kind).Mend is { } mend && mend(reads[f].Value, out var mended, out bool review))
                reads[f] = reads[f] with { Value = mended, Corrected = reads[f].Corrected || review };
            values[template.Fields[f].Key] = (kind, reads[f].Value);
        }
        AgreeAmounts(template, values, reads, joints, members, mapped, options);
        var outcomes = CrossFieldValidator.Check(values);

        var readings = new IReadOnlyList<(string Text, double LogProbability, double Share)>?[template.Fields.Count];
        var own = new (ConfidenceFeatures? Evidence, int Reader)[template.Fields.Count];
        for (int f = 0; f < template.Fields.Count; f++)
        {
            var field = template.Fields[f];
            readings[f] = joints[f] is { } joint ? JoinedReadings(joint, members[f], mapped, options) : null;
            var evidence = reads[f].Value is null ? null : Evidence(field.Kind, reads[f], outcomes[field.Key].Valid, members[f].Count,
                readings[f], Agreement(template, f, values), today, opinions[f]);
            own[f] = (evidence, WriterContext.ReaderOf(field.Kind));
        }
        var evidences = WriterContext.WithPeers(own);

        var thresholds = options.Calibration is { } calibration ? KindThresholds.Of(calibration, options.Review) : null;
        var fields = new Dictionary<string, FieldResult>(StringComparer.Ordinal);
        for (int f = 0; f < template.Fields.Count; f++)
        {
            var field = template.Fields[f];
            var read = reads[f];
            var outcome = outcomes[field.Key];
            var evidence = evidences[f];
            double confidence = evidence is null ? 0
                : options.Calibration is { } fitted ? fitted.Probability(field.Kind, evidence) : read.Confidence;
            double threshold = thresholds?.For(field.Kind) ?? options.ReviewConfidence;
            string? reason = read.Value is null ? (members[f].Count > 0 ? ReviewReasons.Unreadable : ValidationReasons.Empty)
                : !outcome.Valid ? outcome.Reason
                : read.Corrected ? ReviewReasons.Corrected
                : confidence < threshold ? ReviewReasons.LowConfidence
                : null;
            fields[field.Key] = new FieldResult
            {
                Value = read.Value,
                Confidence = confidence,
                Box = read.Box,
                Page = read.Page,
                Valid = outcome.Valid,
                Reason = reason,
                NeedsReview = reason is not null,
                Alternatives = reason is null || readings[f] is null ? null
                    : readings[f]!.Select(r => r.Text).Where(t => t.Length > 0 && t != read.Value).Distinct(StringComparer.Ordinal)
                        .Take(options.ReviewAlternatives).ToList(),
                Evidence = evidence,
            };
        }

        var regionResults = new List<RegionResult>(regions.Count);
        for (int i = 0; i < regions.Count; i++)
        {
            regionResults.Add(new RegionResult
            {
                Box = regions[i].ScanBox,
                Page = regions[i].Page,
                Field = fieldIndex[i] >= 0 ? template.Fields[fieldIndex[i]].Key : null,
                Text = regions[i].Text,
                Confidence = regions[i].Confidence,
            });
        }
        return new FusionResult(fields, regionResults);
    }

    /// <summary>
    /// The likeliest joint reading that <paramref name="accept"/> takes, if it lies within
    /// <see cref="FusionOptions.CandidateMargin"/> of the likeliest reading; with its share of the listed probability.
    /// </summary>
    private static (string Value, double Share)? Choose(IReadOnlyList<CandidateSelection.Joint> joint, List<int> members,
        Box[] mapped, FusionOptions options, Func<string, bool> accept)
    {
        double best = joint[0].LogProbability;
        foreach (var reading in joint)
        {
            if (reading.LogProbability < best - options.CandidateMargin) break;
            string value = ReadingOrder.Join(members.Select(i => mapped[i]).ToArray(), reading.Texts.ToArray(),
                options.SameLineGapFraction, options.SameLineCenterFraction).Trim();
            if (value.Length > 0 && accept(value)) return (value, CandidateSelection.Share(joint, reading.LogProbability));
        }
        return null;
    }

    /// <summary>
    /// One amount in digits and one in words that both read validly but disagree: the one that has a near-best
    /// reading agreeing with the other takes it (the amount in words first: its readings are rarely wrong). Failing
    /// that, the digits take the amount in words when it was read more surely, and are reviewed.
    /// </summary>
    private static void AgreeAmounts(FormTemplate template, Dictionary<string, (FieldKind kind, string? value)> values,
        FieldRead[] reads, IReadOnlyList<CandidateSelection.Joint>?[] joints,
        List<int>[] members, Box[] mapped, FusionOptions options)
    {
        var amount = template.Fields.Select((field, index) => (field, index)).Where(x => x.field.Kind == FieldKind.Amount).ToList();
        var words = template.Fields.Select((field, index) => (field, index)).Where(x => x.field.Kind == FieldKind.AmountHangul).ToList();
        if (amount.Count != 1 || words.Count != 1) return;
        int a = amount[0].index, w = words[0].index;
        if (!AmountParsing.TryParseDigits(reads[a].Value, out long digits) || !AmountHangul.TryParse(reads[w].Value, out long spelled)
            || digits == spelled || !FieldValidator.Validate(FieldKind.Amount, reads[a].Value).Valid
            || !FieldValidator.Validate(FieldKind.AmountHangul, reads[w].Value).Valid)
            return;
        if (joints[a] is { } amountReadings && Choose(amountReadings, members[a], mapped, options,
                v => FieldValidator.Validate(FieldKind.Amount, v).Valid && AmountParsing.TryParseDigits(v, out long d) && d == spelled) is { } fixedDigits)
        {
            reads[a] = reads[a] with { Value = fixedDigits.Value, Confidence = fixedDigits.Share, Chosen = true };
            values[template.Fields[a].Key] = (FieldKind.Amount, fixedDigits.Value);
        }
        else if (joints[w] is { } wordReadings && Choose(wordReadings, members[w], mapped, options,
                     v => FieldValidator.Validate(FieldKind.AmountHangul, v).Valid && AmountHangul.TryParse(v, out long s) && s == digits) is { } fixedWords)
        {
            reads[w] = reads[w] with { Value = fixedWords.Value, Confidence = fixedWords.Share, Chosen = true };
            values[template.Fields[w].Key] = (FieldKind.AmountHangul, fixedWords.Value);
        }
        else if (reads[w].Confidence > reads[a].Confidence)
        {
            // on a Korean slip the amount in words is the binding one: read more surely, it gives the digits
            string value = AmountParsing.FormatLike(reads[a].Value, spelled);
            reads[a] = reads[a] with { Value = value, Corrected = true };
            values[template.Fields[a].Key] = (FieldKind.Amount, value);
        }
    }

    /// <summary>A field's joint readings as values (its regions' texts joined in reading order), best first.</summary>
    private static IReadOnlyList<(string Text, double LogProbability, double Share)> JoinedReadings(
        IReadOnlyList<CandidateSelection.Joint> joint, List<int> members, Box[] mapped, FusionOptions options)
    {
        var boxes = members.Select(i => mapped[i]).ToArray();
        return joint.Select(r => (ReadingOrder.Join(boxes, r.Texts.ToArray(), options.SameLineGapFraction, options.SameLineCenterFraction).Trim(),
            r.LogProbability, CandidateSelection.Share(joint, r.LogProbability))).ToList();
    }

    /// <summary>
    /// The joint second readings (<see cref="SecondOpinion"/>) of a field whose every region has one, joined as values
    /// are; null when a region has none or none of them lists readings.
    /// </summary>
    private static IReadOnlyList<(string Text, double LogProbability, double Share)>? OpinionReadings(List<int> members,
        IReadOnlyList<RecognizedRegion> regions, Box[] mapped, FusionOptions options)
    {
        if (members.Count == 0 || members.Any(i => regions[i].SecondOpinion is null)) return null;
        var asRead = members.Select(i => regions[i].SecondOpinion!)
            .Select(o => new RecognizedRegion(default, 1, o.Text, o.Confidence, o.Alternatives)).ToList();
        return CandidateSelection.JointReadings(asRead, options.CandidateLimit) is { } joint
            ? JoinedReadings(joint, members, mapped, options)
            : null;
    }

    /// <summary>+1 when the form's one amount in digits and one in words both parse and agree, −1 when they differ, else 0.</summary>
    private static double Agreement(FormTemplate template, int f, Dictionary<string, (FieldKind kind, string? value)> values)
    {
        var kind = template.Fields[f].Kind;
        if (kind is not (FieldKind.Amount or FieldKind.AmountHangul)) return 0;
        var amounts = values.Values.Where(v => v.kind == FieldKind.Amount).ToList();
        var words = values.Values.Where(v => v.kind == FieldKind.AmountHangul).ToList();
        if (amounts.Count != 1 || words.Count != 1) return 0;
        if (!AmountParsing.TryParseDigits(amounts[0].value, out long digits) || !AmountHangul.TryParse(words[0].value, out long spelled)) return 0;
        return digits == spelled ? 1 : -1;
    }

    /// <summary>What fusion knows about how surely a read field's value is right (<see cref="ConfidenceFeatures"/>).</summary>
    private static ConfidenceFeatures Evidence(FieldKind kind, FieldRead read, bool valid, int regions,
        IReadOnlyList<(string Text, double LogProbability, double Share)>? readings, double agreement, DateOnly? today,
        IReadOnlyList<(string Text, double LogProbability, double Share)>? opinion)
    {
        string value = read.Value!;
        int index = -1;
        if (readings is not null)
            for (int i = 0; i < readings.Count && index < 0; i++)
                if (readings[i].Text == value) index = i;
        double share = 0, margin = ConfidenceFeatures.MaxMargin, meanLog = Math.Log(Math.Max(read.CharProbability, 1e-9));
        if (readings is not null)
        {
            if (index < 0)
            {
                margin = -ConfidenceFeatures.MaxMargin;
                meanLog = ConfidenceFeatures.MinMeanLogProbability;
            }
            else
            {
                var own = readings[index];
                share = own.Share;
                double next = readings.Where(r => r.Text != value).Select(r => r.LogProbability).DefaultIfEmpty(double.NegativeInfinity).Max();
                margin = own.LogProbability - next;
                meanLog = own.LogProbability / Math.Max(1, value.Length);
            }
        }
        var (readersAgree, readersDistance) = ReaderAgreement.Of(kind, value, read.SecondOpinion);
        var box = read.Box;
        double widthPerCharacter = box is { } b && b.H > 0 && b.W > 0 ? Math.Log(b.W / b.H / Math.Max(1, value.Replace(" ", "").Length)) : 0;
        return new ConfidenceFeatures(
            CharLogit: ConfidenceFeatures.Logit(read.CharProbability),
            ShareLogit: readings is null ? 0 : ConfidenceFeatures.Logit(share),
            Margin: Math.Clamp(margin, -ConfidenceFeatures.MaxMargin, ConfidenceFeatures.MaxMargin),
            MeanLogProbability: Math.Clamp(meanLog, ConfidenceFeatures.MinMeanLogProbability, 0),
            NoAlternatives: readings is null ? 1 : 0,
            Chosen: read.Chosen ? 1 : 0,
            Corrected: read.Corrected ? 1 : 0,
            Valid: valid ? 1 : 0,
            Usual: valid && FieldValidator.IsPlausible(kind, value, today) ? 1 : 0,
            Agreement: agreement,
            LogLength: Math.Log(1 + value.Length),
            WidthPerCharacter: Math.Clamp(widthPerCharacter, -3, 3),
            Regions: regions > 1 ? 1 : 0,
            ReadersAgree: readersAgree,
            ReadersDistance: readersDistance,
            OpinionShareLogit: opinion is null ? 0 : ConfidenceFeatures.Logit(ReaderAgreement.Share(kind, value, opinion.Select(o => (o.Text, o.Share)))));
    }

    /// <summary>
    /// A field's value as read; <see cref="Confidence"/> the raw one (least-certain character, or the chosen reading's
    /// share), <see cref="CharProbability"/> the least-certain character's; <see cref="Chosen"/> when a reading other than
    /// the likeliest was chosen; <see cref="Corrected"/> when fusion changed it beyond the recogniser's readings;
    /// <see cref="SecondOpinion"/> the field's second reading where every one of its regions has one.
    /// </summary>
    private readonly record struct FieldRead(string? Value, double Confidence, Box? Box, int Page, bool Corrected = false,
        bool Chosen = false, string? SecondOpinion = null)
    {
        public double CharProbability { get; init; } = Confidence;
    }

    private static int BestField(FormTemplate template, Box region, FusionOptions options)
    {
        double area = region.Area;
        if (area <= 0) return -1;
        int best = -1;
        double bestShare = 0;
        for (int f = 0; f < template.Fields.Count; f++)
        {
            var box = template.Fields[f].Box;
            double grow = options.FieldInflateFraction * box.H;
            double share = region.Intersect(box.Inflate(grow, grow)).Area / area;
            if (share > bestShare) { bestShare = share; best = f; }
        }
        return bestShare >= options.MinRegionCoverage ? best : -1;
    }

    private static FieldRead Read(
        List<int> members, IReadOnlyList<RecognizedRegion> regions, Box[] mapped, FusionOptions options, int defaultPage)
    {
        if (members.Count == 0) return new(null, 0, null, defaultPage);
        string text = ReadingOrder.Join(
            members.Select(i => mapped[i]).ToArray(), members.Select(i => regions[i].Text ?? "").ToArray(),
            options.SameLineGapFraction, options.SameLineCenterFraction).Trim();
        double confidence = members.Min(i => regions[i].Confidence);
        var box = members.Select(i => regions[i].ScanBox).Aggregate((a, b) => a.Union(b));
        // joined as the value is, so a field of two regions compares line for line
        string? secondOpinion = members.All(i => regions[i].SecondOpinion is not null)
            ? ReadingOrder.Join(members.Select(i => mapped[i]).ToArray(), members.Select(i => regions[i].SecondOpinion!.Text).ToArray(),
                options.SameLineGapFraction, options.SameLineCenterFraction).Trim()
            : null;
        return new(text.Length > 0 ? text : null, confidence, box, regions[members[0]].Page, SecondOpinion: secondOpinion);
    }
}
