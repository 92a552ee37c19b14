#!/usr/bin/env bash
# The recogniser's validation sets that look like reality (see README.md): real-digit lines and forms (MNIST samples
# 700-799), pen-like held-out writers, held-out fonts. Never trained on. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")"
. ./train_env.sh
P=/usr/bin/python3
L=data/line-sets
for k in rrn phone account date amount; do
  $P make_line_set.py --out $L/real-digits-$k --count 200 --kinds $k --writers heldout --real-digits 1.0 --seed 21
done
for k in light blue; do $P make_ink_set.py --from $L/real-digits-phone --out $L/real-digits-phone-$k --ink $k; done
$P make_line_set.py --out $L/cheques-binarised --count 300 --kinds cheque --writers heldout --real-digits 1.0 \
    --binarised 1.0 --backgrounds 0.5 --seed 22
$P make_line_set.py --out $L/cheques --count 300 --kinds cheque --writers heldout --real-digits 1.0 --backgrounds 0.7 \
    --seed 23
# real digits written so close that neighbours touch (cheque amounts are often written so); read with --kind amount
$P make_line_set.py --out $L/real-digits-touching --count 300 --kinds account,phone,rrn,date,amount --writers heldout \
    --real-digits 1.0 --touching-digits 1.0 --seed 26
$P make_line_set.py --out $L/cheques-touching --count 300 --kinds cheque --writers heldout --real-digits 1.0 \
    --touching-digits 1.0 --binarised 0.5 --backgrounds 0.5 --seed 27
# the held-out fonts' own digits, a kind at a time (Nanum Brush's flat-topped 3 is read as 7)
for k in rrn phone account date amount; do
  $P make_line_set.py --out $L/font-digits-$k --count 150 --kinds $k --writers heldout --seed 29
done
$P make_line_set.py --out $L/pen-words --count 400 --kinds name,place,bank --writers pen-heldout --pen 1.0 --seed 24
$P make_line_set.py --out $L/font-words --count 400 --kinds name,place,bank --writers heldout --seed 25
# the same pen-like writers with felt-tip (sign) pens, and real digits so written (read with --kind amount)
$P make_line_set.py --out $L/pen-words-sign --count 400 --kinds name,place,bank --writers pen-heldout --pen 1.0 \
    --sign-pens 1.0 --seed 28
$P make_line_set.py --out $L/real-digits-sign --count 300 --kinds account,phone,rrn,date,amount --writers heldout \
    --real-digits 1.0 --sign-pens 1.0 --seed 29
$P make_forms.py --out data/forms/val --count 60 --layouts all --writers heldout --seed 11 --workers 1
$P make_forms.py --out data/forms/val2 --count 60 --layouts all --writers heldout --seed 13 --workers 1
$P make_forms.py --out data/forms/realdigits --count 60 --layouts all --writers heldout --real-digits 1.0 --seed 31 \
    --workers 1
$P make_forms.py --out data/forms/realdigits-touching --count 60 --layouts all --writers heldout --real-digits 1.0 \
    --touching-digits 1.0 --seed 35 --workers 1
$P make_forms.py --out data/forms/pen --count 60 --layouts all --writers pen-heldout --pen 1.0 --real-digits 1.0 \
    --seed 33 --workers 1
# the same writers with felt-tip (sign) pens
$P make_forms.py --out data/forms/pen-sign --count 60 --layouts all --writers pen-heldout --pen 1.0 --real-digits 1.0 \
    --sign-pens 1.0 --seed 37 --workers 1
$P make_photos.py --src data/forms/val --out data/photos/val --count 30 --seed 51 --exif-sideways 0.25
# real people's Hangul (validation only, see README.md): KOREAN_OCR=<extracted "archive/Hangul Database" folder>
if [ -n "${KOREAN_OCR:-}" ]; then
  $P make_real_hangul_set.py --src "$KOREAN_OCR" --out $L
  # the same words as if written with a felt-tip pen: the ink grown by 1 and 2 px
  for s in real-hangul-words-tuning real-hangul-words; do
    for g in 1 2; do $P make_thick_set.py --from $L/$s --out $L/$s-thick$g --grow $g; done
    # and in ink lighter than any training line's: a pale grey, a blue ballpoint
    for k in light blue; do $P make_ink_set.py --from $L/$s --out $L/$s-$k --ink $k; done
  done
fi
