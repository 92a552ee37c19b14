using Pilgi.Cli.Hosting;
using Pilgi.Cli.Terminal;
using Pilgi.Storage;

namespace Pilgi.Cli.Commands;

/// <summary><c>upload</c>: files into a container of the storage account that <c>serve</c> watches.</summary>
public static class UploadCommand
{
    public const string Usage =
        "upload --storage <connection string> (--samples | --container <name> [--prefix <p>] [--correlation-id <id>] <file|dir>...)\n" +
        "    --samples puts the bundled forms in 'templates' and each sample scan <layout>-NNNN.jpg at\n" +
        "    'scans/<layout>/<layout>-NNNN.jpg'. Otherwise each file goes to <container>/<prefix><path under the dir>\n" +
        "    (scans belong at scans/<templateId>/<path>: e.g. --container scans --prefix remittance/ my-scans/).\n" +
        "    --correlation-id sets each blob's metadata 'correlationid', which the scan's completion event echoes.";

    public static CommandSpec Spec { get; } = new("upload", "put forms and scans into the storage account serve watches", Usage,
    [
        "0    every file uploaded",
        "1    refused (storage unreachable)",
        "64   usage error (no --storage, neither --samples nor --container with files, a missing file)",
    ], new HashSet<string>(StringComparer.Ordinal) { "--samples" }, RunAsync);

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        var storage = args.Get("--storage") ?? throw new UsageException("--storage <connection string> is needed (\"UseDevelopmentStorage=true\" is Azurite).");
        bool samples = args.Flag("--samples");
        var container = args.Get("--container");
        var prefix = args.Get("--prefix") ?? "";
        var correlationId = args.Get("--correlation-id");
        args.RejectUnknown();
        var blobs = new AzureBlobStore(storage);
        if (samples)
        {
            if (container is not null || args.Positionals.Count > 0 || correlationId is not null)
                throw new UsageException("--samples takes no --container, --correlation-id or paths.");
            var (templates, scans) = await BlobUploads.UploadSamplesAsync(blobs, ct: ct);
            Console.WriteLine($"uploaded {templates} template files to '{StorageNames.Templates}' and {scans} scans to '{StorageNames.Scans}'");
            return 0;
        }
        if (container is null || args.Positionals.Count == 0) throw new UsageException("upload needs --samples, or --container and files or folders.");
        if (prefix.Length > 0 && !prefix.EndsWith('/')) prefix += "/";
        int n = 0;
        foreach (var path in args.Positionals)
        {
            var files = Directory.Exists(path)
                ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    .Select(f => (File: f, Name: Path.GetRelativePath(path, f).Replace(Path.DirectorySeparatorChar, '/')))
                : File.Exists(path) ? [(path, Path.GetFileName(path))] : throw new UsageException($"{path} does not exist.");
            foreach (var (file, name) in files)
            {
                var bytes = await File.ReadAllBytesAsync(file, ct);
                if (correlationId is null)
                    await blobs.WriteAsync(container, prefix + name, bytes, BlobUploads.ContentTypeOf(file), ct);
                else
                    await BlobUploads.WriteWithMetadataAsync(blobs, container, prefix + name, bytes, BlobUploads.ContentTypeOf(file),
                        new Dictionary<string, string> { [StorageNames.CorrelationIdMetadata] = correlationId }, ct);
                MaskedConsole.Out($"{container}/{prefix}{name}");
                n++;
            }
        }
        Console.WriteLine($"uploaded {n} file(s)");
        return 0;
    }
}
