#!/usr/bin/python3
"""How often each Hangul syllable of the recogniser's alphabet occurs in Korean words: the counts the C# side turns
into the character prior of a release (`characterPrior` in the descriptor, `CharacterPrior`).

The words are the stems of the Korean hunspell dictionary (Debian `hunspell-ko`, 0.7.92: ~100,000 words of every
field, place and personal names among them). A stem counts once, whatever its use in text, so the counts follow the
vocabulary rather than the style of one kind of prose. Writes one `syllable<TAB>count` row per syllable of the
alphabet (zeros included) after a `#` line that names the source.

  /usr/bin/python3 models/training/make_syllable_prior.py --out models/recognizer/pilgi-rec-prior.tsv
  (downloads the .deb with `apt-get download hunspell-ko`; or give the dictionary: --dic /usr/share/hunspell/ko.dic)
"""
import argparse
import collections
import glob
import os
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import charset  # noqa: E402

PACKAGE = "hunspell-ko"


def download_dictionary(workdir):
    """ko.dic of the hunspell-ko package Debian serves, unpacked into workdir."""
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True, stdout=subprocess.DEVNULL)
    deb = glob.glob(os.path.join(workdir, f"{PACKAGE}_*.deb"))
    if not deb:
        raise SystemExit(f"apt-get download {PACKAGE} gave no .deb")
    subprocess.run(["dpkg-deb", "-x", deb[0], os.path.join(workdir, "x")], check=True)
    return os.path.join(workdir, "x", "usr", "share", "hunspell", "ko.dic"), os.path.basename(deb[0])


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
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        dic, source = (a.dic, a.dic) if a.dic else download_dictionary(work)
        counts, stems = syllable_counts(dic)
    if stems < 10000:
        raise SystemExit(f"{dic}: only {stems} stems; is it the Korean dictionary?")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(f"# syllables of the {stems} stems of {source} (Korean hunspell dictionary), each stem once\n")
        for syllable in charset.HANGUL:
            f.write(f"{syllable}\t{counts[syllable]}\n")
    covered = sum(1 for s in charset.HANGUL if counts[s])
    print(f"wrote {a.out}: {len(charset.HANGUL)} syllables, {covered} seen, {sum(counts[s] for s in charset.HANGUL)} in all")


if __name__ == "__main__":
    main()
