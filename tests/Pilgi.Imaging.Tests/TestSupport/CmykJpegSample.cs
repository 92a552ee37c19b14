namespace Pilgi.Imaging.Tests.TestSupport;

/// <summary>
/// A 120x110 CMYK JPEG (Adobe APP14, as scanners write them): left half white, right half
/// black (K = 100 %), top-left 30x30 square blue (C = M = 100 %). ImageSharp 2.1 cannot encode
/// CMYK, so it was made once with Pillow:
///   im = Image.new('CMYK', (120, 110), (0, 0, 0, 0)); im.paste((0, 0, 0, 255), (60, 0, 120, 110))
///   im.paste((255, 255, 0, 0), (0, 0, 30, 30)); im.save(path, 'JPEG', quality=90)
/// </summary>
internal static class CmykJpegSample
{
    public static byte[] Bytes => Convert.FromBase64String(Base64);

    private const string Base64 =
        "/9j/7gAOQWRvYmUAZAAAAAAA/9sAQwADAgIDAgIDAwMDBAMDBAUIBQUEBAUKBwcGCAwKDAwLCgsLDQ4SEA0OEQ4LCxAWEBETFBUV" +
        "FQwPFxgWFBgSFBUU/8AAFAgAbgB4BEMRAE0RAFkRAEsRAP/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIB" +
        "AwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZH" +
        "SElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV" +
        "1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+v/aAA4EQwBNAFkASwAAPwD8qq/Kqv1Tr9U6KKKKKKKK+qv+CXH/ACfZ8Mv+4n/6a7uv" +
        "qr/glx/yfZ8Mv+4n/wCmu7oor9/q/f6iiiiiiiiiiiiivyr/AOC53/NE/wDuN/8AthRRRX5V0UUUUUUUUUUUUUUUUUUUUUUUV/Kv" +
        "X8q9Ff1UUUUUUUUUV9Vf8EuP+T7Phl/3E/8A013dfVX/AAS4/wCT7Phl/wBxP/013dFFfv8AV+/1FFFFFFFFFFFFFflX/wAFzv8A" +
        "mif/AHG//bCiiivyroooooooooooooooooooooooor+Vev5V6K/qooooooooor6q/wCCXH/J9nwy/wC4n/6a7uvqr/glx/yfZ8Mv" +
        "+4n/AOmu7oor9/q/f6iiiiiiiiiiiiivyr/4Lnf80T/7jf8A7YUUUV+VdFFFFFFFFFFFFFFFFFFFFFFFFfgD/wAOuP2nf+iZf+V/" +
        "S/8A5Jr8Af8Ah1x+07/0TL/yv6X/APJNFf1UUf8ADrj9p3/omX/lf0v/AOSaP+HXH7Tv/RMv/K/pf/yTRRR/w64/ad/6Jl/5X9L/" +
        "APkmj/h1x+07/wBEy/8AK/pf/wAk0UV7/wDsFfsFfHb4LftY+BvGXjLwN/Y3hvTft32u9/tewn8vzLC4iT5Ip2c5eRBwpxnJ4BNe" +
        "/wD7BX7BXx2+C37WPgbxl4y8Df2N4b037d9rvf7XsJ/L8ywuIk+SKdnOXkQcKcZyeATRRX6/1+v9FFFFFFFFFFFFFflX/wAFzv8A" +
        "mif/AHG//bCiiivyrooooooooooooooooooooooooooor+qiiiiiiiiiiiiiiiiiiiiiiiiiiiivyr/4Lnf80T/7jf8A7YUUUV+V" +
        "dFFFFFFFFFFFFFFFFFFFFFFFFFFFf1UUUUUUUUUUUUUUUUUUUUUUUUUUUUV+Vf8AwXO/5on/ANxv/wBsKKKK/Kuiiiiiiiiiiiii" +
        "iiiiiiiiiiiiiiv6qKKKKKKKKKKKKKKKKKKKKKKKKKKKK/Kv/gud/wA0T/7jf/thRRRX5V0UUUUUUUUUUUUUUUUUUUUUUUUUUV/V" +
        "RRRRRRRRRRRRRRRRRRRRRRRRRRRRX5V/8Fzv+aJ/9xv/ANsKKKK/Kuiiiiiiiiiiiiiiiiiiiiiiiiiiiv6qKKKKKKKKKKKKKKKK" +
        "KKKKKKKKKKKK/Kv/AILnf80T/wC43/7YUUUV+VdFFFFFFFFFFFFFFFFFFFFFFFFFFFf1UUUUUUUUUUUUUUUUUUUUUUUUUUUUV+Vf" +
        "/Bc7/mif/cb/APbCiiivyrooooooooooooooooooooooooooor+qiiiiiiiiiiiiiiiiiiiiiiiiiiiivyr/AOC53/NE/wDuN/8A" +
        "thRRRX5V0UUUUUUUUUUUUUUUUUUUUUUUUUUV/VRRRRRRRRRRRRRRRRRRRRRRRRRRRRX5V/8ABc7/AJon/wBxv/2wooor8q6KKKKK" +
        "KKKKKKKKKKKKKKKKKKKKKK/qoooooooooooooooooooooooooooor8q/+C53/NE/+43/AO2FFFFflXRRRRRRRRRRRRRRRRRRRRRR" +
        "RRRRRX9VFFFFFFFFFFFFFFFFFFFFFFFFFFFFflX/AMFzv+aJ/wDcb/8AbCiiivyroooooooooooooooooooooooor//Z";
}
