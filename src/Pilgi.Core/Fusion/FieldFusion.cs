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
/// Values are then validated per field and across fields.
/// </summary>
public static class FieldFusion
{
    /// <summary>Single-page scans: one transform for every region, whatever its page number.</summary>
    public static FusionResult Fuse(FormTemplate template, IReadOnlyList<RecognizedRegion> regions,
        AffineTransform scanToTemplate, FusionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var pages = regions.Select(r => r.Page).Append(1).Distinct().ToDictionary(p => p, _ => scanToTemplate);
        return Fuse(template, regions, pages, options);
    }

    /// <param name="scanToTemplateByPage">1-based page number -> map from scan pixels to template pixels.</param>
    public static FusionResult Fuse(FormTemplate template, IReadOnlyList<RecognizedRegion> regions,
        IReadOnlyDictionary<int, AffineTransform> scanToTemplateByPage, FusionOptions? options = null)
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
        var reads = new (string? Value, double Confidence, Box? Box, int Page)[template.Fields.Count];
        int defaultPage = scanToTemplateByPage.Count > 0 ? scanToTemplateByPage.Keys.Min() : 1;
        for (int f = 0; f < template.Fields.Count; f++)
        {
            reads[f] = Read(members[f], regions, mapped, options, defaultPage);
            values[template.Fields[f].Key] = (template.Fields[f].Kind, reads[f].Value);
        }
        var outcomes = CrossFieldValidator.Check(values);

        var fields = new Dictionary<string, FieldResult>(StringComparer.Ordinal);
        for (int f = 0; f < template.Fields.Count; f++)
        {
            var field = template.Fields[f];
            var read = reads[f];
            var outcome = outcomes[field.Key];
            fields[field.Key] = new FieldResult
            {
                Value = read.Value,
                Confidence = read.Confidence,
                Box = read.Box,
                Page = read.Page,
                Valid = outcome.Valid,
                Reason = outcome.Reason,
                NeedsReview = read.Value is null || !outcome.Valid || read.Confidence < options.ReviewConfidence,
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

    private static (string? Value, double Confidence, Box? Box, int Page) Read(
        List<int> members, IReadOnlyList<RecognizedRegion> regions, Box[] mapped, FusionOptions options, int defaultPage)
    {
        if (members.Count == 0) return (null, 0, null, defaultPage);
        string text = ReadingOrder.Join(
            members.Select(i => mapped[i]).ToArray(), members.Select(i => regions[i].Text ?? "").ToArray(),
            options.SameLineGapFraction, options.SameLineCenterFraction).Trim();
        double confidence = members.Min(i => regions[i].Confidence);
        var box = members.Select(i => regions[i].ScanBox).Aggregate((a, b) => a.Union(b));
        return (text.Length > 0 ? text : null, confidence, box, regions[members[0]].Page);
    }
}
