using System.Buffers;

namespace Pilgi.Imaging;

/// <summary>Reads an upload stream into memory, refusing it as soon as it passes the byte limit.</summary>
internal static class BoundedUploadReader
{
    private const int ChunkSize = 81_920;

    public static async Task<byte[]> ReadAsync(Stream upload, long maxBytes, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.CanSeek && upload.Length - upload.Position > maxBytes)
            throw ImageRefusals.TooLarge(subject, upload.Length - upload.Position, maxBytes);

        using var buffer = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await upload.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes) throw ImageRefusals.TooLarge(subject, byteCount: null, maxBytes);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
