using Pilgi.BadInputs;

// dotnet run --project tests/Pilgi.BadInputs -- <output folder> [<sample forms folder>]
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: Pilgi.BadInputs <output folder> [<sample forms folder, default samples/forms>]");
    return 2;
}
var manifest = BadInputCorpus.Write(args[0], args.Length > 1 ? args[1] : Path.Combine("samples", "forms"));
foreach (var c in manifest.Scans)
    Console.WriteLine($"{c.Case,-22} scans/{c.ScanBlob,-40} {(c.Reason ?? "read")}");
Console.WriteLine($"{manifest.Scans.Count} scans, {manifest.Templates.Count} templates in {Path.GetFullPath(args[0])}");
return 0;
