using Pilgi.Core.Privacy;

namespace Pilgi.Core.Tests.Privacy;

public class PiiMaskerTests
{
    [Theory]
    // RRNs: birth date and sex digit stay
    [InlineData("900101-1234567", "900101-1******")]
    [InlineData("9001011234567", "9001011******")]
    [InlineData("900101 1234567", "900101 1******")]
    [InlineData("900101 - 1234567", "900101 - 1******")]
    [InlineData("900101–1234567", "900101–1******")]
    [InlineData("041231-3234567", "041231-3******")]
    [InlineData("９００１０１－１２３４５６７", "９００１０１－１******")]
    [InlineData("scans/remittance/900101-1234567.jpg", "scans/remittance/900101-1******.jpg")]
    [InlineData("remittance/홍길동_9001011234567.jpg", "remittance/홍길동_9001011******.jpg")]
    [InlineData("remittance/scan9001011234567.png", "remittance/scan9001011******.png")]
    [InlineData("/scans/remittance/%ED%99%8D900101-1234567.jpg", "/scans/remittance/%ED%99%8D900101-1******.jpg")]
    [InlineData("a/900101%2D1234567.jpg", "a/900101%2D1******.jpg")]
    // phones: the code and the last four digits stay
    [InlineData("010-1234-5678", "010-****-5678")]
    [InlineData("01012345678", "010****5678")]
    [InlineData("010 1234 5678", "010 **** 5678")]
    [InlineData("010.1234.5678", "010.****.5678")]
    [InlineData("011-123-4567", "011-***-4567")]
    [InlineData("02-123-4567", "02-***-4567")]
    [InlineData("0212345678", "02****5678")]
    [InlineData("031-123-4567", "031-***-4567")]
    [InlineData("064-7123-4567", "064-****-4567")]
    [InlineData("070-1234-5678", "070-****-5678")]
    [InlineData("0505-123-4567", "0505-***-4567")]
    [InlineData("010-12345678", "010-****5678")]
    [InlineData("+82-10-1234-5678", "+82-10-****-5678")]
    [InlineData("+82 10 1234 5678", "+82 10 **** 5678")]
    [InlineData("+82 2-123-4567", "+82 2-***-4567")]
    [InlineData("tel:01012345678;", "tel:010****5678;")]
    [InlineData("scans/deposit/홍길동_010-1234-5678.jpg", "scans/deposit/홍길동_010-****-5678.jpg")]
    // accounts: the last four digits stay
    [InlineData("110-123-456789", "***-***-**6789")]
    [InlineData("1002-123-456789", "****-***-**6789")]
    [InlineData("123456-01-123456", "******-**-**3456")]
    [InlineData("352-1234-5678-93", "***-****-**78-93")]
    [InlineData("3333-01-1234567", "****-**-***4567")]
    [InlineData("110 123 456789", "*** *** **6789")]
    [InlineData("110_123_456789", "***_***_**6789")]
    [InlineData("12-34-56-78-90", "**-**-**-78-90")]
    [InlineData("123456-1234567", "******-***4567")] // RRN-shaped but no birth date: an account
    // several in one line, between words
    [InlineData("신한 110-123-456789 예금주 홍길동 010-9876-5432", "신한 ***-***-**6789 예금주 홍길동 010-****-5432")]
    [InlineData("rrn=900101-1234567,phone=01012345678", "rrn=900101-1******,phone=010****5678")]
    [InlineData("900101-1234567 010-1234-5678", "900101-1****** 010-****-5678")]
    [InlineData("20240501-010-1234-5678.jpg", "20240501-010-****-5678.jpg")]
    [InlineData("2024-05-01-010-1234-5678.jpg", "2024-05-01-010-****-5678.jpg")]
    [InlineData("010-1234-5678-9001011234567", "010-****-5678-9001011******")]
    [InlineData("[image_corrupt] scans/remittance/900101-1234567.jpg: the image is corrupt",
        "[image_corrupt] scans/remittance/900101-1******.jpg: the image is corrupt")]
    public void Masks_personal_numbers_in_text(string text, string expected)
    {
        Assert.Equal(expected, PiiMasker.Mask(text));
        Assert.Equal(text.Length, expected.Length);
    }

    [Theory]
    // dates and times
    [InlineData("2024-05-01")]
    [InlineData("2024.05.01")]
    [InlineData("20240501")]
    [InlineData("2024-05-01T12:34:56.1234567Z")]
    [InlineData("2024-05-01 12:34:56")]
    [InlineData("2024-05-01 12:34:56.789 +09:00")]
    [InlineData("05/01/2024 12:34:56")]
    [InlineData("scan-20240501-123456.jpg")]
    [InlineData("IMG_20240501_123456.jpg")]
    [InlineData("20240501 123456")]
    [InlineData("240501-123456")]
    [InlineData("2024-05-01-0001")]
    [InlineData("2024 05 01 12 34 56")]
    [InlineData("04:55:17 warning: remittance/broken.jpg  template=remittance  pages=0  fields=-  10.3 s  failed")]
    // amounts
    [InlineData("1,000,000원")]
    [InlineData("금 12,345,678원")]
    [InlineData("₩1,234,567,890")]
    [InlineData("amount 1000000000")]
    [InlineData("123456789012")]
    [InlineData("1 000 000 000")]
    [InlineData("일금 일억이천삼백사십오만원정 (123,450,000)")]
    // timestamps, counters and durations
    [InlineData("1714567890123")]
    [InlineData("1714567890")]
    [InlineData("638512345678901234")]
    [InlineData("1234567890123")]
    [InlineData("elapsed 00:00:05.1234567, 812.5 ms, 17.1 s")]
    [InlineData("Batch 1 returned 16 reads for 16 crops.")]
    [InlineData("fields=11 (9 read, 3 to review)  17.1 s  succeeded")]
    // machine identifiers
    [InlineData("scan-0101234567890123456789abcdef0123")]
    [InlineData("instance scan-9001011234567000000000000000000a started")]
    [InlineData("12345678-1234-1234-1234-123456789012")]
    [InlineData("01012345-6789-0123-4567-890123456789")]
    [InlineData("ETag \"0x8DC1234567890AB\"")]
    [InlineData("0x1D01023456789012")]
    [InlineData("W/\"datetime'2024-05-01T12%3A34%3A56.1234567Z'\"")]
    [InlineData("traceparent 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")]
    [InlineData("execution 9e2d0bb1a1234567890123456789abcd")]
    // addresses, versions, small numbers
    [InlineData("http://127.0.0.1:41234/api/scans")]
    [InlineData("Microsoft.DurableTask.Worker 1.28.0")]
    [InlineData("1588-1234")]
    [InlineData("서울특별시 중구 세종대로 110 3층")]
    [InlineData("010-12-5678")]
    [InlineData("no digits at all")]
    [InlineData("")]
    public void Leaves_dates_amounts_timestamps_and_identifiers_alone(string text) => Assert.Equal(text, PiiMasker.Mask(text));

    [Theory]
    [InlineData("**900101-1234567**", "**900101-1********")]
    [InlineData("*9001011234567", "*9001011******")]
    [InlineData("900101-1****** 900202-2345678", "900101-1****** 900202-2******")]
    [InlineData("010-****-5678 then 010-1234-5678", "010-****-5678 then 010-****-5678")]
    [InlineData("***-***-*****789 110-123-456789", "***-***-*****789 ***-***-**6789")] // a star where masking shows a digit: read again
    public void Only_numbers_masked_exactly_as_masking_leaves_them_are_passed_over(string text, string expected) =>
        Assert.Equal(expected, PiiMasker.Mask(text));

    [Fact]
    public void Null_stays_null() => Assert.Null(PiiMasker.Mask(null));

    [Theory]
    [InlineData("900101-1234567")]
    [InlineData("010-1234-5678, 110-123-456789; 9001011234567")]
    [InlineData("010-1234-5678 110-123-456789 9001011234567")]
    [InlineData("scans/withdrawal/110-123-456789_9001011234567.jpg")]
    [InlineData("+82 10 1234 5678")]
    [InlineData("신한 110 123 456789 900101 1234567 02 123 4567")]
    public void Masking_twice_changes_nothing_more(string text)
    {
        string once = PiiMasker.Mask(text);
        Assert.NotEqual(text, once);
        Assert.Equal(once, PiiMasker.Mask(once));
    }

    [Fact]
    public void A_long_line_with_many_numbers_masks_each_one()
    {
        var parts = Enumerable.Range(0, 200).Select(i => $"scan {i}: 010-{1000 + i}-5678, 900101-1{i:000000}").ToList();
        string masked = PiiMasker.Mask(string.Join("; ", parts));

        Assert.DoesNotContain("-1000-", masked);
        Assert.Equal(200, CountOf(masked, "010-****-5678"));
        Assert.Equal(200, CountOf(masked, "900101-1******"));
    }

    private static int CountOf(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
