using System.Text;
using Pilgi.Core.Geometry;

namespace Pilgi.Core.Fusion;

/// <summary>Orders text boxes as they are read (lines top to bottom, left to right within a line) and joins their text.</summary>
public static class ReadingOrder
{
    /// <summary>
    /// Groups boxes into lines by vertical centre (a box joins the line above it when its centre is within
    /// <paramref name="sameLineCenterFraction"/> of the line's mean height from the line's mean centre) and returns
    /// the lines top to bottom, each as indices into <paramref name="boxes"/> sorted by x.
    /// </summary>
    public static List<List<int>> Lines(IReadOnlyList<Box> boxes, double sameLineCenterFraction = 0.5)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var byCentre = Enumerable.Range(0, boxes.Count)
            .OrderBy(i => boxes[i].Center.Y).ThenBy(i => boxes[i].X).ToArray();
        var lines = new List<List<int>>();
        double lineCentreSum = 0, lineHeightSum = 0;
        foreach (int i in byCentre)
        {
            var box = boxes[i];
            if (lines.Count > 0)
            {
                var line = lines[^1];
                double centre = lineCentreSum / line.Count, height = lineHeightSum / line.Count;
                if (Math.Abs(box.Center.Y - centre) <= sameLineCenterFraction * height)
                {
                    line.Add(i);
                    lineCentreSum += box.Center.Y;
                    lineHeightSum += box.H;
                    continue;
                }
            }
            lines.Add([i]);
            lineCentreSum = box.Center.Y;
            lineHeightSum = box.H;
        }
        foreach (var line in lines) line.Sort((a, b) => boxes[a].X.CompareTo(boxes[b].X));
        return lines;
    }

    /// <summary>
    /// Joins texts in reading order: no separator between neighbours on a line whose gap is below
    /// <paramref name="sameLineGapFraction"/> of their mean height, a space otherwise and between lines.
    /// </summary>
    public static string Join(IReadOnlyList<Box> boxes, IReadOnlyList<string> texts,
        double sameLineGapFraction = 0.6, double sameLineCenterFraction = 0.5)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (boxes.Count != texts.Count) throw new ArgumentException("Boxes and texts must pair up.");
        var builder = new StringBuilder();
        foreach (var line in Lines(boxes, sameLineCenterFraction))
        {
            if (builder.Length > 0) builder.Append(' ');
            for (int k = 0; k < line.Count; k++)
            {
                if (k > 0)
                {
                    Box previous = boxes[line[k - 1]], current = boxes[line[k]];
                    double gap = current.X - previous.Right;
                    if (gap >= sameLineGapFraction * (previous.H + current.H) / 2) builder.Append(' ');
                }
                builder.Append(texts[line[k]].Trim());
            }
        }
        return builder.ToString();
    }
}
