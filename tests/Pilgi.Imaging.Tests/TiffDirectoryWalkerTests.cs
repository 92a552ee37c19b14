using Pilgi.Imaging.Tests.TestSupport;

namespace Pilgi.Imaging.Tests;

public class TiffDirectoryWalkerTests
{
    [Fact]
    public void Reads_every_page_size_of_a_short_chain()
    {
        var tiff = HandMadeFiles.GreyTiff(130, 110, [1, 2, 3]);

        var pages = TiffDirectoryWalker.ReadPages(tiff, stopAfter: 21);

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(new DeclaredPage(new PageSize(130, 110), DataInsideFile: true), p));
    }

    [Fact]
    public void Stops_after_the_given_number_of_directories()
    {
        var tiff = HandMadeFiles.GreyTiff(100, 100, pageCount: 10_000);

        Assert.Equal(21, TiffDirectoryWalker.ReadPages(tiff, stopAfter: 21).Count);
    }

    [Fact]
    public void Reads_big_endian_files_written_by_imagesharp()
    {
        var tiff = SampleImages.MultiPageTiff(120, 100, 10, 20);

        var pages = TiffDirectoryWalker.ReadPages(tiff, stopAfter: 21);

        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.Equal(new PageSize(120, 100), p.Size));
    }

    [Fact]
    public void Flags_strips_that_run_past_the_end()
    {
        var tiff = HandMadeFiles.GreyTiff(100, 100, pageCount: 1);

        Assert.False(TiffDirectoryWalker.ReadPages(tiff[..^1], stopAfter: 21)[0].DataInsideFile);
    }

    [Fact]
    public void Rejects_a_directory_chain_that_loops()
    {
        var tiff = HandMadeFiles.GreyTiff(100, 100, [1, 2], loopBack: true);

        var error = Assert.Throws<InvalidDataException>(() => TiffDirectoryWalker.ReadPages(tiff, stopAfter: 21));
        Assert.Contains("loop", error.Message);
    }

    [Fact]
    public void Rejects_a_directory_outside_the_file()
    {
        var tiff = HandMadeFiles.GreyTiff(100, 100, pageCount: 1);
        BitConverter.TryWriteBytes(tiff.AsSpan(4), 1_000_000u);

        Assert.Throws<InvalidDataException>(() => TiffDirectoryWalker.ReadPages(tiff, stopAfter: 21));
    }

    [Fact]
    public void Rejects_a_header_only()
    {
        Assert.Throws<InvalidDataException>(() => TiffDirectoryWalker.ReadPages("II*\0"u8, stopAfter: 21));
    }
}
