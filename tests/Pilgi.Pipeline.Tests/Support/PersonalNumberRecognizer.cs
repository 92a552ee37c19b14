using Pilgi.Core.Raster;
using Pilgi.Core.Templates;
using Pilgi.Inference.Recognition;

namespace Pilgi.Pipeline.Tests.Support;

/// <summary>
/// Reads a personal number in every crop: an RRN, phone or account number in fields of those kinds (it knows the
/// kind by the alphabet it is asked to read within), and all three in a line of free text anywhere else.
/// </summary>
internal sealed class PersonalNumberRecognizer : ILineRecognizer
{
    public const string Rrn = "900101-1234568"; // a valid check digit
    public const string Phone = "010-1234-5678";
    public const string Account = "110-123-456789";
    public const string FreeText = "급함 900303-2345678 010-5555-6666 333-44-555666";

    /// <summary>Every number it reads, as read and without separators.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        Rrn, "9001011234568", Phone, "01012345678", Account, "110123456789",
        "900303-2345678", "9003032345678", "010-5555-6666", "01055556666", "333-44-555666", "33344555666",
    ];

    public string ModelId => "personal-numbers@test";

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TextRecognition>>(crops.Select(_ => new TextRecognition(FreeText, 0.99)).ToList());

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?> alphabets,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TextRecognition>>(alphabets.Select(a => new TextRecognition(TextFor(a), 0.99)).ToList());

    private static string TextFor(string? alphabet) =>
        alphabet == FieldAlphabets.For(FieldKind.Rrn) ? Rrn
        : alphabet == FieldAlphabets.For(FieldKind.Phone) ? Phone
        : alphabet == FieldAlphabets.For(FieldKind.Account) ? Account
        : FreeText;
}
