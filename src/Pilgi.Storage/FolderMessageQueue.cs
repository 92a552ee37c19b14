using System.Globalization;
using System.Text;

namespace Pilgi.Storage;

/// <summary>
/// Queues beside a <see cref="FileBlobStore"/>'s containers: a message is a file
/// <c>&lt;root&gt;/.queues/&lt;queue&gt;/&lt;UTC ticks&gt;-&lt;random&gt;.msg</c> holding its text as UTF-8, so names sort in
/// the order they were added. Written to a temporary file first and moved into place: a reader never sees half a message.
/// </summary>
public sealed class FolderMessageQueue : IMessageQueue
{
    /// <summary>Not a valid container name, so it never meets one of the store's containers.</summary>
    public const string QueuesFolder = ".queues";

    public FolderMessageQueue(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>The folder that holds <paramref name="queue"/>'s messages.</summary>
    public string FolderOf(string queue)
    {
        BlobNames.ValidateContainer(queue);
        return Path.Combine(Root, QueuesFolder, queue);
    }

    public async Task SendAsync(string queue, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = FolderOf(queue);
        Directory.CreateDirectory(folder);
        string name = DateTime.UtcNow.Ticks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var temp = Path.Combine(folder, "." + name + ".tmp");
        try
        {
            await File.WriteAllTextAsync(temp, message, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            File.Move(temp, Path.Combine(folder, name + ".msg"));
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The messages of <paramref name="queue"/>, oldest first (nothing is removed).</summary>
    public IReadOnlyList<string> Peek(string queue)
    {
        var folder = FolderOf(queue);
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.msg").Order(StringComparer.Ordinal).Select(f => File.ReadAllText(f, Encoding.UTF8)).ToList();
    }
}
