using Pilgi.Cli.Terminal;

namespace Pilgi.Cli.Composition;

/// <summary>The options both <c>eval</c> forms take: where to write the report and mismatches, how many items, which
/// models, and an inference service to read through.</summary>
internal sealed record EvalArguments(string? Report, string? Mismatches, int? Limit, string? Models, string? Inference)
{
    public static EvalArguments Read(ArgumentList args) => new(
        args.Get("--report"),
        args.Get("--mismatches"),
        args.Get("--limit") is null ? null : args.GetInt("--limit", 0),
        args.Get("--models"),
        args.Get("--inference"));
}
