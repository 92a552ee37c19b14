using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging.Tests;

public class FastPngTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 23)] // rows shorter and longer than a vector, not a multiple of one
    [InlineData(301, 7)]
    public void Grey_pngs_it_writes_are_read_back_exactly_by_imagesharp_and_by_itself(int width, int height)
    {
        var pixels = Noise(width * height, seed: width);

        var png = FastPng.Encode(pixels, width, height, channels: 1);

        using var image = Image.Load<L8>(png); // ImageSharp checks every chunk's CRC and the zlib checksum
        var decoded = new byte[width * height];
        image.CopyPixelDataTo(decoded);
        Assert.Equal(pixels, decoded);
        Assert.True(FastPng.TryDecodeGray(png, out int w, out int h, out var own));
        Assert.Equal((width, height), (w, h));
        Assert.Equal(pixels, own);
    }

    [Fact]
    public void Rgb_pngs_it_writes_are_read_back_exactly_by_imagesharp_and_declined_by_its_grey_reader()
    {
        const int width = 45, height = 19;
        var pixels = Noise(width * height * 3, seed: 3);

        var png = FastPng.Encode(pixels, width, height, channels: 3);

        using var image = Image.Load<Rgb24>(png);
        var decoded = new byte[width * height * 3];
        image.CopyPixelDataTo(decoded);
        Assert.Equal(pixels, decoded);
        Assert.False(FastPng.TryDecodeGray(png, out _, out _, out _));
    }

    [Theory]
    [InlineData(PngFilterMethod.None)]
    [InlineData(PngFilterMethod.Sub)]
    [InlineData(PngFilterMethod.Up)]
    [InlineData(PngFilterMethod.Average)]
    [InlineData(PngFilterMethod.Paeth)]
    [InlineData(PngFilterMethod.Adaptive)]
    public void Reads_greyscale_pngs_written_by_imagesharp_with_every_filter(PngFilterMethod filter)
    {
        const int width = 67, height = 41;
        var pixels = Noise(width * height, seed: 7);
        for (int i = 0; i < pixels.Length; i += 3) pixels[i] = (byte)(i / width * 5); // some structure for the filters to use
        using var image = Image.LoadPixelData<L8>(pixels, width, height);
        using var output = new MemoryStream();
        image.Save(output, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8, FilterMethod = filter });

        Assert.True(FastPng.TryDecodeGray(output.ToArray(), out int w, out int h, out var decoded));

        Assert.Equal((width, height), (w, h));
        Assert.Equal(pixels, decoded);
    }

    [Fact]
    public void Declines_malformed_data_without_throwing()
    {
        var png = FastPng.Encode(Noise(50 * 40, seed: 1), 50, 40, channels: 1);
        var crcBroken = (byte[])png.Clone();
        crcBroken[^20] ^= 0x55; // inside the image data: its chunk's CRC no longer matches
        var headerLies = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(headerLies.AsSpan(16), 51); // IHDR width, with its CRC fixed below
        FixCrc(headerLies, chunkStart: 8);

        Assert.False(FastPng.TryDecodeGray(png.AsSpan(0, png.Length - 15), out _, out _, out _)); // cut off
        Assert.False(FastPng.TryDecodeGray(crcBroken, out _, out _, out _));
        Assert.False(FastPng.TryDecodeGray(headerLies, out _, out _, out _)); // too little image data for the size
        Assert.False(FastPng.TryDecodeGray([], out _, out _, out _));
        Assert.False(FastPng.TryDecodeGray("GIF89a not a png at all, just bytes"u8, out _, out _, out _));
    }

    [Fact]
    public void Declines_a_header_promising_more_pixels_than_its_data_can_hold_before_allocating_them()
    {
        var png = FastPng.Encode(Noise(64 * 64, seed: 2), 64, 64, channels: 1);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 10_000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 9_000);
        FixCrc(png, chunkStart: 8);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(FastPng.TryDecodeGray(png, out _, out _, out _));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "a 90-megapixel buffer was allocated");
    }

    [Fact]
    public void Rejects_rows_of_the_wrong_length_and_a_short_image()
    {
        var writer = new FastPng.RowWriter(10, 2, channels: 3);

        Assert.Throws<ArgumentException>(() => writer.Write(new byte[10]));
        writer.Write(new byte[30]);
        Assert.Throws<InvalidOperationException>(() => writer.Complete());
        Assert.Throws<ArgumentOutOfRangeException>(() => FastPng.Encode(new byte[8], 2, 2, channels: 2));
    }

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Recomputes the CRC-32 of the chunk at <paramref name="chunkStart"/> after a test changed its data.</summary>
    private static void FixCrc(byte[] png, int chunkStart)
    {
        int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(chunkStart));
        uint crc = 0xFFFFFFFF;
        foreach (byte b in png.AsSpan(chunkStart + 4, 4 + length))
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(chunkStart + 8 + length), crc ^ 0xFFFFFFFF);
    }
}
