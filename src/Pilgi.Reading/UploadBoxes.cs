using Pilgi.Core.Geometry;
using Pilgi.Core.Results;

namespace Pilgi.Reading;

/// <summary>
/// Moves a result's boxes from straightened pages to the upload they came from: a box on a photographed sheet becomes
/// the box around its four corners in the photo. Pages without a map keep their boxes.
/// </summary>
public static class UploadBoxes
{
    public static ScanResult Map(ScanResult result, IReadOnlyDictionary<int, Homography> pageToUploadByPage)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(pageToUploadByPage);
        var fields = new Dictionary<string, FieldResult>(result.Fields.Comparer);
        foreach (var (key, field) in result.Fields)
            fields[key] = field.Box is { } box && pageToUploadByPage.TryGetValue(field.Page, out var h) ? field with { Box = h.Apply(box) } : field;
        var regions = result.Regions
            .Select(r => pageToUploadByPage.TryGetValue(r.Page, out var h) ? r with { Box = h.Apply(r.Box) } : r)
            .ToList();
        return result with { Fields = fields, Regions = regions };
    }
}
