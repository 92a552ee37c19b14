using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pilgi.BadInputs;

/// <summary>
/// What <see cref="BadInputCorpus.Write"/> wrote: the scans (under <c>scans/</c>) and the extra templates (under
/// <c>templates/</c>) of the corpus folder, laid out like the storage containers. Saved as <c>manifest.json</c>.
/// </summary>
public sealed record CorpusManifest(IReadOnlyList<BadInput> Scans, IReadOnlyList<string> Templates)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CorpusManifest Load(string corpusDirectory) =>
        JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllText(Path.Combine(corpusDirectory, FileName)), Json)
        ?? throw new InvalidDataException($"{corpusDirectory}/{FileName} is empty.");
}
