using Pilgi.Core.Geometry;
using Pilgi.Core.Results;
using Pilgi.Inference.Detection;

namespace Pilgi.Reading;

/// <summary>
/// Moves a result's boxes from straightened pages to the photo they came from. Each region's box is its box on the
/// form taken through the whole way to the photo (form → straightened page → photo) at once, so the box around its
/// corners there is as tight as a box drawn on the photo; a field's box is the union of its regions'. Pages without a
/// map keep their boxes.
/// </summary>
public static class UploadBoxes
{
    /// <param name="regions">The regions the result was fused from, in the order of its <see cref="ScanResult.Regions"/>.</param>
    /// <param name="referenceToUploadByPage">Per photographed page: form pixels → photo pixels.</param>
    public static ScanResult Map(ScanResult result, IReadOnlyList<HandwritingRegion> regions,
        IReadOnlyDictionary<int, Homography> referenceToUploadByPage)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(referenceToUploadByPage);
        if (regions.Count != result.Regions.Count) throw new ArgumentException("One region per result region is needed.", nameof(regions));
        var mapped = result.Regions
            .Select((r, i) => referenceToUploadByPage.TryGetValue(r.Page, out var h) ? r with { Box = h.Apply(regions[i].TemplateBox) } : r)
            .ToList();
        var fields = new Dictionary<string, FieldResult>(result.Fields.Comparer);
        foreach (var (key, field) in result.Fields)
        {
            var members = mapped.Where(r => r.Field == key && r.Page == field.Page).ToList();
            fields[key] = field.Box is not null && members.Count > 0 && referenceToUploadByPage.ContainsKey(field.Page)
                ? field with { Box = members.Select(r => r.Box).Aggregate((a, b) => a.Union(b)) }
                : field;
        }
        return result with { Fields = fields, Regions = mapped };
    }
}
