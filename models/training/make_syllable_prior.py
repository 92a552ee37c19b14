#!/usr/bin/python3
"""How often each Hangul syllable of the recogniser's alphabet occurs in Korean words: the counts the C# side turns
into the character prior of a release (`characterPrior` in the descriptor, `CharacterPrior`).

The words are the stems of the Korean hunspell dictionary (Debian `hunspell-ko`, 0.7.92: ~100,000 words of every
field, place and personal names among them). A stem counts once, whatever its use in text, so the counts follow the
vocabulary rather than the style of one kind of prose. Writes one `syllable<TAB>count` row per syllable of the
alphabet (zeros included) after a `#` line that names the source.

Stems hold no particles or endings, so 는, 에 and 으, among the commonest syllables people write, counted 19, 139 and
145 (은 774): the prior read real writers' 는 as 은 and 에 as 예. With --prose-weight W a syllable counts at least W
times its count in Korean prose, scaled to the stems' total: the Korean user-interface texts of Firefox ESR and
LibreOffice (Debian `firefox-esr-l10n-ko`, `libreoffice-l10n-ko`). Taking the larger of the two, not their sum,
leaves the names' syllables (혁, 민, 왕: almost never in that prose) as common as the stems make them.

  /usr/bin/python3 models/training/make_syllable_prior.py --out models/recognizer/pilgi-rec-prior.tsv --prose-weight 0.5
  (downloads the .debs with `apt-get download`; or give the dictionary: --dic /usr/share/hunspell/ko.dic)
"""
import argparse
import collections
import glob
import os
import struct
import subprocess
import sys
import tempfile
import unicodedata
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import charset  # noqa: E402

PACKAGE = "hunspell-ko"
PROSE_PACKAGES = ("firefox-esr-l10n-ko", "libreoffice-l10n-ko")


def download(package, workdir):
    """The package Debian serves, unpacked into workdir/<package>: (that folder, the .deb's name)."""
    subprocess.run(["apt-get", "download", package], cwd=workdir, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    deb = glob.glob(os.path.join(workdir, f"{package}_*.deb"))
    if not deb:
        raise SystemExit(f"apt-get download {package} gave no .deb")
    target = os.path.join(workdir, package)
    subprocess.run(["dpkg-deb", "-x", deb[0], target], check=True)
    return target, urllib.parse.unquote(os.path.basename(deb[0]))


def download_dictionary(workdir):
    """ko.dic of the hunspell-ko package Debian serves, unpacked into workdir."""
    root, deb = download(PACKAGE, workdir)
    return os.path.join(root, "usr", "share", "hunspell", "ko.dic"), deb


def prose_counts(workdir):
    """Syllables of the Korean user-interface texts of Firefox ESR (its language pack's .ftl, .properties, .dtd and
    .json files) and LibreOffice (its message catalogues), NFC: (counts, the .debs' names)."""
    texts, debs = [], []
    for package in PROSE_PACKAGES:
        root, deb = download(package, workdir)
        debs.append(deb)
        for xpi in glob.glob(os.path.join(root, "**", "*.xpi"), recursive=True):
            with zipfile.ZipFile(xpi) as z:
                texts.extend(z.read(n).decode("utf-8", "ignore") for n in z.namelist()
                             if n.endswith((".ftl", ".properties", ".dtd", ".json")))
        for mo in glob.glob(os.path.join(root, "**", "*.mo"), recursive=True):
            texts.extend(mo_translations(mo))
    counts = collections.Counter(unicodedata.normalize("NFC", "\n".join(texts)))
    if sum(counts[s] for s in charset.HANGUL) < 100000:
        raise SystemExit(f"{', '.join(debs)}: too little Korean text; are they the Korean language packs?")
    return counts, debs


def mo_translations(path):
    """The translated strings of a GNU message catalogue (.mo): its table of translations, read as UTF-8."""
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if order is None:
        raise SystemExit(f"{path}: not a GNU .mo file")
    count, _, translations = struct.unpack(order + "3I", data[8:20])
    texts = []
    for i in range(count):
        length, offset = struct.unpack(order + "2I", data[translations + 8 * i:translations + 8 * i + 8])
        texts.append(data[offset:offset + length].decode("utf-8", "ignore"))
    return texts


def with_prose(stems, prose, weight):
    """Each syllable's stem count, or weight x its prose count scaled to the stems' total where that is more."""
    scale = weight * sum(stems[s] for s in charset.HANGUL) / sum(prose[s] for s in charset.HANGUL)
    return {s: max(stems[s], int(round(prose[s] * scale))) for s in charset.HANGUL}


def syllable_counts(dic_path):
    """Characters of the dictionary's stems (the text before '/' on each line after the count line), NFC."""
    with open(dic_path, encoding="utf-8") as f:
        rows = f.read().splitlines()[1:]
    counts = collections.Counter()
    for row in rows:
        stem = unicodedata.normalize("NFC", row.split("/", 1)[0])
        counts.update(stem)
    return counts, len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--dic", default=None, help="a hunspell ko.dic to read instead of downloading the package")
    ap.add_argument("--prose-weight", type=float, default=0.0,
                    help="each syllable counts at least this share of its prose count, scaled to the stems' total "
                         "(0: stems alone)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        dic, source = (a.dic, a.dic) if a.dic else download_dictionary(work)
        counts, stems = syllable_counts(dic)
        if stems < 10000:
            raise SystemExit(f"{dic}: only {stems} stems; is it the Korean dictionary?")
        header = f"# syllables of the {stems} stems of {source} (Korean hunspell dictionary), each stem once"
        if a.prose_weight > 0:
            prose, debs = prose_counts(work)
            counts = collections.Counter(with_prose(counts, prose, a.prose_weight))
            header += f"; at least {a.prose_weight:g} x their share of the UI texts of {' and '.join(debs)}"
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for syllable in charset.HANGUL:
            f.write(f"{syllable}\t{counts[syllable]}\n")
    covered = sum(1 for s in charset.HANGUL if counts[s])
    print(f"wrote {a.out}: {len(charset.HANGUL)} syllables, {covered} seen, {sum(counts[s] for s in charset.HANGUL)} in all")


if __name__ == "__main__":
    main()
