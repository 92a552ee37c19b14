"""The recogniser's alphabet: CTC blank, space, digits, Latin, form punctuation and the 2,350 KS X 1001 syllables."""

PUNCTUATION = "-,./()~:@&'₩%+#*!?[]"


def ksx1001_hangul():
    out = []
    for hi in range(0xB0, 0xC9):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("euc-kr")
            except UnicodeDecodeError:
                continue
            if "\uac00" <= ch <= "\ud7a3":
                out.append(ch)
    return out


HANGUL = ksx1001_hangul()
DIGITS = "0123456789"
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# index 0 is the CTC blank; the list written beside the model starts at index 1
CHARS = [" "] + list(DIGITS) + list(LATIN) + list(PUNCTUATION) + HANGUL
INDEX = {c: i + 1 for i, c in enumerate(CHARS)}
NUM_CLASSES = len(CHARS) + 1

assert len(HANGUL) == 2350, len(HANGUL)


def encode(text):
    return [INDEX[c] for c in text]


def covered(text):
    return all(c in INDEX for c in text)
