using System.Text;

namespace Pilgi.BadInputs;

/// <summary>
/// A PDF written object by object, with a correct cross-reference table: the shape of any file a test needs, hostile
/// ones included (loops, lies, bombs), which no PDF library would write.
/// </summary>
public sealed class RawPdf
{
    private readonly List<byte[]> objects = [];

    /// <summary>The number the next <see cref="Add(string)"/> gets.</summary>
    public int Next => objects.Count + 1;

    /// <returns>The object's number.</returns>
    public int Add(string body) => Add(Encoding.ASCII.GetBytes(body));

    /// <summary>A stream object: <paramref name="dictionary"/> (without /Length, added here) and its data.</summary>
    public int AddStream(string dictionary, byte[] data)
    {
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes($"<< {dictionary} /Length {data.Length} >>\nstream\n"));
        body.Write(data);
        body.Write("\nendstream"u8);
        return Add(body.ToArray());
    }

    /// <summary>Sets the body of an object added earlier (for objects that point at each other).</summary>
    public void Set(int number, string body) => objects[number - 1] = Encoding.ASCII.GetBytes(body);

    private int Add(byte[] body)
    {
        objects.Add(body);
        return objects.Count;
    }

    /// <param name="root">The catalogue's object number.</param>
    /// <param name="trailerExtra">More trailer entries (an /Encrypt dictionary, an /ID).</param>
    /// <param name="prevPointsToItself">Give the trailer a /Prev naming its own cross-reference table: a loop.</param>
    public byte[] Build(int root, string trailerExtra = "", bool prevPointsToItself = false)
    {
        var file = new MemoryStream();
        file.Write("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new long[objects.Count];
        for (int i = 0; i < objects.Count; i++)
        {
            offsets[i] = file.Position;
            file.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            file.Write(objects[i]);
            file.Write("\nendobj\n"u8);
        }
        long xref = file.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append($"{offset:D10} 00000 n \n");
        string prev = prevPointsToItself ? $" /Prev {xref}" : "";
        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root {root} 0 R{prev} {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        file.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return file.ToArray();
    }
}
