"""Registered Korean bank and insurance forms, drawn procedurally on an A4 page at 300 dpi.

Each layout is a fixed form: the same geometry for every scan. Building one gives a Layout with
  reference  the blank printed form (PIL RGB, 2480x3508),
  template   the template JSON dict (id, title, page, reference, fields with [x, y, w, h] boxes),
  printed    [(text, [x, y, w, h])] the tight ink box of every printed string,
  fields     [Field] where and how the customer writes each value.
Field boxes are cell interiors (the white area inside the rules) in reference-image pixels.
"""
import functools

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from . import fonts

PAGE_W, PAGE_H = 2480, 3508
INK_THRESHOLD = 60

_NANUM = "/usr/share/fonts/truetype/nanum"
_UN = "/usr/share/fonts/truetype/unfonts-core"
GOTHIC, GOTHIC_B = f"{_NANUM}/NanumGothic.ttf", f"{_NANUM}/NanumGothicBold.ttf"
BARUN = f"{_NANUM}/NanumBarunGothic.ttf"
MYEONGJO, MYEONGJO_B = f"{_NANUM}/NanumMyeongjo.ttf", f"{_NANUM}/NanumMyeongjoBold.ttf"
SQUARE, SQUARE_B = f"{_NANUM}/NanumSquareR.ttf", f"{_NANUM}/NanumSquareB.ttf"
DOTUM = f"{_UN}/UnDotum.ttf"
assert all(p in fonts.FORM_FONTS for p in (GOTHIC, BARUN, MYEONGJO, SQUARE, DOTUM))
assert all(p in fonts.FORM_FONTS_BOLD for p in (GOTHIC_B, MYEONGJO_B, SQUARE_B))

UNITS12 = ["천억", "백억", "십억", "억", "천만", "백만", "십만", "만", "천", "백", "십", "일"]


@functools.lru_cache(maxsize=256)
def _font(path, size):
    return ImageFont.truetype(path, size)


def inner(rect, pad=5):
    x, y, w, h = rect
    return [x + pad, y + pad, w - 2 * pad, h - 2 * pad]


class Field:
    """One handwritten field.

    mode: "cell" (written inside a box), "line" (written on an underline at `baseline`) or "digits" (one digit per
    box in `cells`, aligned `cell_align`). `write` is the sub-box the ink goes in when printed words share the box
    (defaults to box). `seal` is the centre of a printed "(인)" where a seal may be stamped. `align` is "left",
    "right" or "either". `size_ref` is the height the handwriting size is chosen from (defaults to the box height).
    """

    def __init__(self, key, label, kind, box, hints=None, mode="cell", cells=None, cell_align="right", write=None,
                 seal=None, align="left", baseline=None, size_ref=None):
        self.key, self.label, self.kind = key, label, kind
        self.box = [int(v) for v in box]
        self.hints = dict(hints or {})
        self.mode, self.cells, self.cell_align = mode, cells, cell_align
        self.write = [int(v) for v in write] if write else None
        self.seal, self.align, self.baseline, self.size_ref = seal, align, baseline, size_ref

    def template(self):
        return {"key": self.key, "label": self.label, "kind": self.kind, "box": list(self.box)}


class Layout:
    def __init__(self, id, title, reference, fields, printed):
        self.id, self.title, self.reference, self.fields, self.printed = id, title, reference, fields, printed
        self._array = None

    @property
    def template(self):
        return {"id": self.id, "title": self.title, "page": {"width": PAGE_W, "height": PAGE_H},
                "reference": f"{self.id}.png", "fields": [f.template() for f in self.fields]}

    def array(self):
        if self._array is None:
            self._array = np.asarray(self.reference, dtype=np.uint8)
            self._array.setflags(write=False)
        return self._array


class Form:
    """Drawing helper: records every printed string with its tight ink box and every field."""

    def __init__(self, id, title, font, bold, line=(30, 30, 30), text=(20, 20, 20), shade=(235, 235, 235),
                 accent=(30, 30, 30)):
        self.id, self.title = id, title
        self.img = Image.new("RGB", (PAGE_W, PAGE_H), (255, 255, 255))
        self.d = ImageDraw.Draw(self.img)
        self.font_path, self.bold_path = font, bold
        self.line_c, self.text_c, self.shade_c, self.accent = line, text, shade, accent
        self.items, self.fields = [], []

    # -- primitives -------------------------------------------------------------------------------------------
    def text(self, s, x, y, size, bold=False, anchor="ls", colour=None, font=None):
        f = _font(font or (self.bold_path if bold else self.font_path), int(size))
        x, y = int(round(x)), int(round(y))
        colour = colour or self.text_c
        self.d.text((x, y), s, font=f, fill=colour, anchor=anchor)
        l, t, r, b = self.d.textbbox((x, y), s, font=f, anchor=anchor)
        pad = 4
        tmp = Image.new("L", (r - l + 2 * pad, b - t + 2 * pad), 0)
        ImageDraw.Draw(tmp).text((x - l + pad, y - t + pad), s, font=f, fill=255, anchor=anchor)
        ys, xs = np.nonzero(np.asarray(tmp) > INK_THRESHOLD)
        if len(xs):
            box = [int(l - pad + xs.min()), int(t - pad + ys.min()), int(xs.max() - xs.min() + 1),
                   int(ys.max() - ys.min() + 1)]
            self.items.append((s, box))
            return box
        return None

    def text_lines(self, lines, x, y, size, pitch, **kw):
        for i, s in enumerate(lines):
            self.text(s, x, y + i * pitch, size, **kw)

    def hline(self, x0, x1, y, w=2, colour=None):
        self.d.rectangle([x0, y - w // 2, x1, y - w // 2 + w - 1], fill=colour or self.line_c)

    def vline(self, x, y0, y1, w=2, colour=None):
        self.d.rectangle([x - w // 2, y0, x - w // 2 + w - 1, y1], fill=colour or self.line_c)

    def rect(self, x, y, w, h, lw=2, colour=None, fill=None):
        if fill:
            self.d.rectangle([x, y, x + w, y + h], fill=fill)
        if lw:
            c = colour or self.line_c
            self.hline(x, x + w, y, lw, c)
            self.hline(x, x + w, y + h, lw, c)
            self.vline(x, y, y + h, lw, c)
            self.vline(x + w, y, y + h, lw, c)

    def checkbox(self, x, y, label, size=40, box=34):
        """Checkbox square with its left edge at x and the label's baseline at y."""
        self.rect(x, y - box + 2, box, box, lw=2)
        return self.text(label, x + box + 14, y, size)

    def checkboxes(self, x, y, labels, size=40, gap=70):
        for lab in labels:
            b = self.checkbox(x, y, lab, size)
            x = b[0] + b[2] + gap

    def field(self, key, label, kind, box, **kw):
        f = Field(key, label, kind, box, **kw)
        assert box[2] > 0 and box[3] > 0 and box[0] >= 0 and box[1] >= 0, (key, box)
        assert box[0] + box[2] <= PAGE_W and box[1] + box[3] <= PAGE_H, (key, box)
        self.fields.append(f)
        return f

    # -- composites -----------------------------------------------------------------------------------------------
    def bank_header(self, name, latin, x=170, y=150, colour=None, sub=None):
        c = colour or self.accent
        s = 84
        self.d.ellipse([x, y, x + s, y + s], fill=c)
        self.d.ellipse([x + 18, y + 18, x + s - 18, y + s - 18], fill=(255, 255, 255))
        self.d.rectangle([x + s // 2 - 6, y + 8, x + s // 2 + 5, y + s - 8], fill=c)
        self.text(name, x + s + 24, y + 56, 58, bold=True, colour=c)
        self.text(latin, x + s + 26, y + 100, 26, colour=c)
        if sub:
            self.text(sub, PAGE_W - 170, y + 56, 32, anchor="rs")

    def title_block(self, title, y, size=108, sub=None, sub_size=38):
        self.text(title, PAGE_W // 2, y, size, bold=True, anchor="mm")
        if sub:
            self.text(sub, PAGE_W // 2, y + size // 2 + 44, sub_size, anchor="mm")

    def table(self, x, y, rows, size=42, lw=2, outer=4, shade=None, bold_labels=False):
        """rows: [(height, [(width, label_or_None), ...])]; label cells are shaded and centre their text
        ("\\n" splits lines). Returns the cell rects [[x, y, w, h], ...] per row."""
        shade = shade or self.shade_c
        out, yy = [], y
        total_w = sum(w for w, _ in rows[0][1])
        for h, cells in rows:
            xx, r = x, []
            for w, lab in cells:
                if lab is not None:
                    self.d.rectangle([xx, yy, xx + w, yy + h], fill=shade)
                r.append([xx, yy, w, h])
                xx += w
            out.append(r)
            yy += h
        for r, (h, cells) in zip(out, rows):
            self.hline(x, x + total_w, r[0][1], lw)
            for c in r[1:]:
                self.vline(c[0], c[1], c[1] + h, lw)
        self.rect(x, y, total_w, yy - y, lw=outer)
        for r, (h, cells) in zip(out, rows):
            for c, (w, lab) in zip(r, cells):
                if lab:
                    self.centred(lab, c, size, bold=bold_labels)
        return out

    def centred(self, s, rect, size, bold=False, pitch=None):
        x, y, w, h = rect
        parts = s.split("\n")
        pitch = pitch or int(size * 1.25)
        top = y + h / 2 - pitch * (len(parts) - 1) / 2
        for i, p in enumerate(parts):
            self.text(p, x + w / 2, top + i * pitch, size, bold=bold, anchor="mm")

    def group_table(self, x0, y0, x1, group_w, label_w, groups, size=42, lw=2, outer=4):
        """Left column of group titles spanning rows, then label | value rows. groups: [(title, [(label, h)])].
        Returns the value cell rects in order."""
        y, values, spans = y0, [], []
        for title, rows in groups:
            gy = y
            for lab, h in rows:
                self.d.rectangle([x0 + group_w, y, x0 + group_w + label_w, y + h], fill=self.shade_c)
                values.append((lab, [x0 + group_w + label_w, y, x1 - x0 - group_w - label_w, h]))
                y += h
            self.d.rectangle([x0, gy, x0 + group_w, y], fill=self.shade_c)
            spans.append((title, gy, y, rows))
        for title, gy, gy1, rows in spans:
            self.hline(x0, x1, gy, lw + 1)
            yy = gy
            for lab, h in rows:
                if yy != gy:
                    self.hline(x0 + group_w, x1, yy, lw)
                self.centred(lab, [x0 + group_w, yy, label_w, h], size)
                yy += h
            self.centred(title, [x0, gy, group_w, gy1 - gy], size, bold=True)
        self.vline(x0 + group_w, y0, y, lw)
        self.vline(x0 + group_w + label_w, y0, y, lw)
        self.rect(x0, y0, x1 - x0, y - y0, lw=outer)
        return [v for _, v in values]

    def digit_boxes(self, x, y, cw, ch, n, seps=(), sep_w=60, units=None, unit_size=26, thick_every=None):
        """n contiguous per-digit boxes; a printed "-" sits in a gap of sep_w after each index in seps.
        units: tiny printed words centred above the boxes. Returns the box interiors."""
        interiors, xx = [], x
        starts = []
        for i in range(n):
            starts.append(xx)
            xx += cw
            if i in seps:
                xx += sep_w
        # groups of contiguous boxes
        groups, cur = [], [0]
        for i in range(1, n):
            if starts[i] != starts[i - 1] + cw:
                groups.append(cur)
                cur = []
            cur.append(i)
        groups.append(cur)
        for g in groups:
            gx = starts[g[0]]
            self.rect(gx, y, cw * len(g), ch, lw=3)
            for k, i in enumerate(g[1:], 1):
                w = 2
                if thick_every and (n - i) % thick_every == 0:
                    w = 4
                self.vline(starts[i], y, y + ch, w)
        for i in range(n):
            interiors.append([starts[i] + 5, y + 5, cw - 10, ch - 10])
            if i in seps:
                self.text("-", starts[i] + cw + sep_w / 2, y + ch / 2, int(ch * 0.5), anchor="mm")
            if units:
                self.text(units[i], starts[i] + cw / 2, y - 14, unit_size, anchor="ms")
        return interiors

    def la_cell(self, x, y, w, h, label, strip=64, size=36):
        """Label-above-value cell: a shaded strip with the label, the value area below. Returns the value area."""
        self.d.rectangle([x, y, x + w, y + strip], fill=self.shade_c)
        self.hline(x, x + w, y + strip, 2)
        self.rect(x, y, w, h, lw=2)
        self.text(label, x + 22, y + strip / 2, size, anchor="lm")
        return [x, y + strip, w, h - strip]

    def section(self, x, y, w, h, title, size=44):
        self.d.rectangle([x, y, x + w, y + h], fill=self.shade_c)
        self.d.rectangle([x, y, x + 14, y + h], fill=self.accent)
        self.text(title, x + 40, y + h / 2, size, bold=True, anchor="lm")

    def underline_field(self, key, label, kind, x_label, x0, x1, y, size=42, hints=None, label_font=None,
                        seal_text=None, height=150, below=18):
        """Label, then a rule from x0 to x1 at y to write on. The field box runs from height above the rule to
        `below` under it (handwriting may sit on or cross the rule)."""
        self.text(label, x_label, y - 12, size, font=label_font)
        self.hline(x0, x1, y, 2)
        seal = None
        if seal_text:
            b = self.text(seal_text, x1 + 30, y - 12, size)
            seal = (b[0] + b[2] / 2, b[1] + b[3] / 2)
        return self.field(key, label, kind, [x0 + 4, y - height, x1 - x0 - 8, height + below], hints=hints,
                          mode="line", baseline=y, seal=seal)

    def seal_mark(self, rect, text="(인)", size=40, margin=40):
        """Print "(인)" at the right end of rect; returns (seal centre, the x where the field box must stop)."""
        x, y, w, h = rect
        b = self.text(text, x + w - margin, y + h / 2, size, anchor="rm")
        return (b[0] + b[2] / 2, b[1] + b[3] / 2), b[0] - 30

    def footer(self, left, right=None, y=3400):
        self.text(left, 170, y, 28, colour=(90, 90, 90))
        if right:
            self.text(right, PAGE_W - 170, y, 28, anchor="rs", colour=(90, 90, 90))

    def bank_use(self, x, y, titles, w_label=220, w=2140, h_head=70, h_sign=150, label="은행\n사용란", size=34):
        """The bank-only box at the foot of a form: a label spanning two rows, headings over empty sign cells."""
        cw = (w - w_label) // len(titles)
        H = h_head + h_sign
        self.d.rectangle([x, y, x + w_label, y + H], fill=self.shade_c)
        self.d.rectangle([x + w_label, y, x + w, y + h_head], fill=self.shade_c)
        self.hline(x + w_label, x + w, y + h_head, 2)
        xs = [x + w_label + i * cw for i in range(len(titles))] + [x + w]
        for xx in xs[:-1]:
            self.vline(xx, y, y + H, 2)
        self.rect(x, y, w, H, lw=4)
        self.centred(label, [x, y, w_label, H], size)
        for i, t in enumerate(titles):
            self.centred(t, [xs[i], y, xs[i + 1] - xs[i], h_head], size)
        return y + H

    def build(self):
        return Layout(self.id, self.title, self.img, self.fields, self.items)


# ---------------------------------------------------------------------------------------------------------------
# The forms
# ---------------------------------------------------------------------------------------------------------------

def remittance():
    f = Form("remittance", "송금의뢰서", GOTHIC, GOTHIC_B, line=(35, 35, 40), text=(25, 25, 30),
             shade=(228, 236, 248), accent=(25, 75, 155))
    f.bank_header("필기은행", "PILGI BANK", sub="고객용")
    f.text("No.", 1880, 330, 36)
    f.hline(1950, 2310, 334, 2)
    f.title_block("송 금 의 뢰 서", 430, sub="(국내송금 · 당타행 계좌이체)")
    r = f.table(1230, 620, [(130, [(280, "신청일"), (800, None)])])
    f.field("date", "신청일", "date", inner(r[0][1]))
    groups = [("보내는 분", [("성명", 175), ("주민등록번호", 175), ("연락처", 175), ("주소", 190)]),
              ("받는 분", [("받는 분", 175), ("은행명", 175), ("계좌번호", 175)]),
              ("송금 내용", [("송금금액", 180), ("금액(한글)", 180), ("송금목적", 175)])]
    v = f.group_table(170, 800, 2310, 250, 400, groups)
    seal, stop = f.seal_mark(v[0])
    b = inner(v[0])
    f.field("sender", "성명", "name", [b[0], b[1], stop - b[0], b[3]], seal=seal)
    f.field("sender_rrn", "주민등록번호", "rrn", inner(v[1]))
    f.field("sender_phone", "연락처", "phone", inner(v[2]))
    f.field("sender_address", "주소", "address", inner(v[3]))
    f.field("recipient", "받는 분", "name", inner(v[4]))
    f.field("bank", "은행명", "bank", inner(v[5]))
    f.field("account", "계좌번호", "account", inner(v[6]))
    x, y, w, h = v[7]
    f.text("₩", x + 40, y + h / 2, 50, anchor="lm")
    f.text("원", x + w - 40, y + h / 2, 44, anchor="rm")
    f.field("amount", "송금금액", "amount", [x + 110, y + 5, w - 230, h - 10], hints={"styles": ["comma", "plain"]},
            align="either")
    f.field("amount_hangul", "금액(한글)", "amount_hangul", inner(v[8]), hints={"wrapped": True})
    f.field("purpose", "송금목적", "text", inner(v[9]), hints={"topic": "purpose"})
    f.text("위와 같이 송금을 의뢰합니다.", PAGE_W // 2, 2700, 46, anchor="mm")
    f.text("※ 유의사항", 170, 2830, 36, bold=True)
    f.text_lines(["1. 받는 분의 성명, 은행명, 계좌번호를 정확하게 기재하여 주십시오.",
                  "2. 송금 후에는 취소가 어려우며, 착오송금 시 반환까지 시일이 소요될 수 있습니다.",
                  "3. 100만원 이상 현금 송금 시에는 신분증을 제시하여 주시기 바랍니다."], 200, 2895, 32, 56)
    f.bank_use(170, 3090, ["담당", "책임자", "검인"], h_sign=150)
    f.footer("필기은행 송금의뢰서 (2024.03 개정)", "210mm×297mm")
    return f.build()


def withdrawal():
    f = Form("withdrawal", "지급청구서", BARUN, GOTHIC_B, line=(25, 95, 65), text=(25, 60, 45),
             shade=(226, 241, 231), accent=(25, 120, 75))
    f.bank_header("필기은행", "PILGI BANK")
    f.checkboxes(1820, 230, ["통장", "카드"], size=38, gap=60)
    f.title_block("지 급 청 구 서", 420, sub="(출 금 전 표)")
    x0, w = 170, 2140
    # account number: 14 boxes, no separators
    a = f.la_cell(x0, 620, w, 300, "계좌번호  (‘-’ 없이 숫자만 기재)")
    cells = f.digit_boxes(x0 + 60, a[1] + 42, 125, 150, 14)
    ub = [cells[0][0], cells[0][1], cells[-1][0] + cells[-1][2] - cells[0][0], cells[0][3]]
    f.field("account", "계좌번호", "account", ub, hints={"hyphens": False}, mode="digits", cells=cells,
            cell_align="left")
    # amount: 12 boxes with units above
    a = f.la_cell(x0, 920, w, 360, "금    액")
    f.text("₩", x0 + 70, a[1] + 70 + 85, 80, bold=True, anchor="lm")
    cells = f.digit_boxes(x0 + 200, a[1] + 70, 136, 170, 12, units=UNITS12, thick_every=3)
    f.text("원", x0 + 200 + 12 * 136 + 50, a[1] + 70 + 85, 56, anchor="lm")
    ub = [cells[0][0], cells[0][1], cells[-1][0] + cells[-1][2] - cells[0][0], cells[0][3]]
    f.field("amount", "금액", "amount", ub, mode="digits", cells=cells, cell_align="right")
    half = w // 2
    a = f.la_cell(x0, 1280, half, 260, "예금주 성명")
    seal, stop = f.seal_mark(a, "(인)")
    b = inner(a)
    f.field("holder", "예금주 성명", "name", [b[0], b[1], stop - b[0], b[3]], seal=seal)
    a = f.la_cell(x0 + half, 1280, w - half, 260, "연락처")
    f.field("phone", "연락처", "phone", inner(a))
    a = f.la_cell(x0, 1540, half, 260, "주민등록번호 (생년월일)")
    f.field("rrn", "주민등록번호", "rrn", inner(a))
    a = f.la_cell(x0 + half, 1540, w - half, 260, "청구일자")
    f.field("date", "청구일자", "date", inner(a))
    a = f.la_cell(x0, 1800, w, 260, "메모 (거래내용)")
    f.field("memo", "메모", "text", inner(a), hints={"topic": "purpose"})
    f.rect(x0, 620, w, 1440, lw=4)
    f.text("위 금액을 지급하여 주시기 바랍니다.", PAGE_W // 2, 2180, 46, anchor="mm")
    f.text_lines(["※ 비밀번호는 별도의 비밀번호 입력기에 입력하여 주십시오.",
                  "※ 대리인이 청구하는 경우 위임장과 대리인의 신분증을 함께 제출하여 주십시오.",
                  "※ 정정한 곳에는 정정인을 날인하여 주십시오."], 200, 2320, 32, 58)
    f.bank_use(170, 2560, ["통장정리", "담당", "책임자", "전산처리"], h_sign=170)
    f.text("수수료", 170, 2900, 36)
    f.hline(310, 700, 2906, 2)
    f.text("원", 720, 2900, 36)
    y = 3000
    f.text("대리인 청구 시 기재", 170, y, 36, bold=True)
    f.table(170, y + 30, [(80, [(360, "대리인 성명"), (540, None), (300, "관계"), (340, None), (260, "연락처"),
                                (340, None)])], size=32)
    f.text("※ 대리인 기재란은 은행 직원의 확인을 받아야 합니다.", 170, y + 170, 30)
    f.footer("필기은행 지급청구서 (출금) 2024.05", "보존기간 5년")
    return f.build()


def deposit():
    blue = (35, 55, 150)
    f = Form("deposit", "입금표", MYEONGJO, MYEONGJO_B, line=blue, text=(30, 45, 130), shade=(232, 236, 250),
             accent=blue)
    f.text("No.", 170, 250, 40)
    f.hline(250, 620, 256, 2)
    f.text("(보관용)", PAGE_W - 170, 250, 38, anchor="rs")
    f.text("입  금  표", PAGE_W // 2, 400, 120, bold=True, anchor="mm")
    f.hline(900, 1580, 490, 3)
    f.hline(900, 1580, 502, 3)
    r = f.table(170, 600, [(90, [(560, "입금일자"), (640, "입금은행"), (940, "계좌번호")]),
                           (170, [(560, None), (640, None), (940, None)])], size=40, bold_labels=True)
    f.field("date", "입금일자", "date", inner(r[1][0]))
    f.field("bank", "입금은행", "bank", inner(r[1][1]))
    f.field("account", "계좌번호", "account", inner(r[1][2]))
    r = f.table(170, 900, [(170, [(420, "예금주"), (1720, None)]),
                           (170, [(420, "입금인"), (820, None), (300, "연락처"), (600, None)]),
                           (210, [(420, "금    액"), (1720, None)]),
                           (170, [(420, "금액(숫자)"), (1720, None)]),
                           (170, [(420, "적    요"), (1720, None)])], size=42, bold_labels=True)
    f.field("payee", "예금주", "name", inner(r[0][1]))
    seal, stop = f.seal_mark(r[1][1])
    b = inner(r[1][1])
    f.field("depositor", "입금인", "name", [b[0], b[1], stop - b[0], b[3]], seal=seal)
    f.field("phone", "연락처", "phone", inner(r[1][3]))
    x, y, w, h = r[2][1]
    b1 = f.text("일금", x + 40, y + h / 2, 50, anchor="lm")
    b2 = f.text("원정", x + w - 40, y + h / 2, 50, anchor="rm")
    wx0, wx1 = b1[0] + b1[2] + 25, b2[0] - 25
    f.field("amount_hangul", "금액", "amount_hangul", inner(r[2][1]), hints={"wrapped": False},
            write=[wx0, y + 5, wx1 - wx0, h - 10], align="either")
    x, y, w, h = r[3][1]
    f.text("(₩", x + 40, y + h / 2, 48, anchor="lm")
    f.text(")", x + w - 60, y + h / 2, 48, anchor="rm")
    f.field("amount", "금액(숫자)", "amount", [x + 150, y + 5, w - 230, h - 10],
            hints={"styles": ["comma", "comma", "plain"]}, align="either")
    f.field("memo", "적요", "text", inner(r[4][1]), hints={"topic": "purpose"})
    f.text("위 금액을 정히 입금합니다.", PAGE_W // 2, 2020, 48, anchor="mm")
    f.text("20        년        월        일", PAGE_W // 2, 2140, 44, anchor="mm")
    f.text("영수인 :  필기은행                 지점  (인)", PAGE_W - 300, 2290, 42, anchor="rs")
    f.rect(170, 2380, 2140, 480, lw=2)
    f.text("입금 시 유의사항", 210, 2460, 38, bold=True)
    f.text_lines(["1. 금액은 한글과 숫자로 함께 기재하고, 숫자 앞에는 ₩ 표시를 하여 주십시오.",
                  "2. 금액을 정정한 입금표는 무효이므로 새 용지에 다시 작성하여 주십시오.",
                  "3. 타행 계좌로 입금하는 경우 수수료가 부과될 수 있습니다.",
                  "4. 이 입금표는 입금 확인 후 영수증으로 사용됩니다."], 240, 2540, 33, 66)
    # dashed cut line and the stub
    for xx in range(170, 2310, 40):
        f.hline(xx, xx + 20, 2960, 2)
    f.text("절 취 선", PAGE_W // 2, 2930, 28, anchor="ms")
    r = f.table(170, 3020, [(90, [(400, "담  당"), (400, "책임자"), (1340, "비  고")]),
                            (180, [(400, None), (400, None), (1340, None)])], size=34)
    f.footer("필기은행 입금표 (양식 제12-3호)", "공급받는자 보관용")
    return f.build()


def insurance_claim():
    orange = (205, 95, 25)
    f = Form("insurance_claim", "보험금 청구서", DOTUM, GOTHIC_B, line=(60, 60, 60), text=(30, 30, 30),
             shade=(253, 231, 204), accent=orange)
    f.bank_header("필기생명", "PILGI LIFE INSURANCE", colour=orange)
    f.text("접수번호", 1760, 330, 34)
    f.hline(1920, 2310, 336, 2)
    f.title_block("보험금 청구서", 440, size=104, sub="(개인 · 실손/정액 공용)")
    x0, W = 170, 2140
    y = 620
    f.section(x0, y, W, 76, "1. 피보험자 정보")
    y += 96
    r = f.table(x0, y, [(160, [(330, "성명"), (740, None), (330, "주민등록번호"), (740, None)]),
                        (160, [(330, "연락처"), (740, None), (330, "청구인과의\n관계"), (740, None)]),
                        (180, [(330, "주소"), (1810, None)])], size=40)
    f.field("insured", "피보험자 성명", "name", inner(r[0][1]))
    f.field("insured_rrn", "주민등록번호", "rrn", inner(r[0][3]))
    f.field("insured_phone", "연락처", "phone", inner(r[1][1]))
    f.field("relation", "청구인과의 관계", "text", inner(r[1][3]), hints={"topic": "relation"})
    f.field("insured_address", "주소", "address", inner(r[2][1]))
    y += 500 + 50
    f.section(x0, y, W, 76, "2. 사고 내용")
    y += 96
    f.text("청구 사유", x0 + 20, y + 50, 40, bold=True)
    f.checkboxes(x0 + 280, y + 50, ["질병", "상해", "교통사고", "입원", "통원", "수술", "기타"], size=40, gap=56)
    y += 90
    r = f.table(x0, y, [(160, [(330, "사고일자"), (740, None), (330, "병원명"), (740, None)]),
                        (220, [(330, "사고내용\n(진단명)"), (1810, None)])], size=40)
    f.field("accident_date", "사고일자", "date", inner(r[0][1]))
    f.field("hospital", "병원명", "text", inner(r[0][3]), hints={"topic": "hospital"})
    f.field("accident", "사고내용", "text", inner(r[1][1]), hints={"topic": "claim"})
    y += 380 + 50
    f.section(x0, y, W, 76, "3. 청구 금액 및 입금 계좌")
    y += 96
    r = f.table(x0, y, [(160, [(330, "청구금액"), (740, None), (330, "입금은행"), (740, None)]),
                        (160, [(330, "계좌번호"), (740, None), (330, "예금주"), (740, None)])], size=40)
    x, yy, w, h = r[0][1]
    f.text("원", x + w - 36, yy + h / 2, 42, anchor="rm")
    f.field("claim_amount", "청구금액", "amount", [x + 5, yy + 5, w - 100, h - 10], hints={"styles": ["comma", "plain"]},
            align="either")
    f.field("bank", "입금은행", "bank", inner(r[0][3]))
    f.field("account", "계좌번호", "account", inner(r[1][1]))
    f.field("account_holder", "예금주", "name", inner(r[1][3]))
    y += 320 + 50
    f.section(x0, y, W, 76, "4. 확인 및 서명")
    y += 130
    f.text_lines(["· 위 청구 내용이 사실과 다름없음을 확인하며, 관련 서류를 첨부하여 보험금을 청구합니다.",
                  "· 보험금 지급 심사를 위한 개인(신용)정보의 수집 · 이용 및 제3자 제공에 동의합니다.",
                  "· 예금주가 피보험자와 다른 경우 별도의 위임장이 필요합니다."], x0 + 20, y, 33, 60)
    f.checkboxes(x0 + 1560, y + 60 + 60 + 60, ["동의함", "동의하지 않음"], size=34, gap=40)
    y += 260
    r = f.table(x0 + 700, y, [(170, [(300, "청구일"), (1140, None)]),
                              (170, [(300, "청구인"), (1140, None)])], size=40)
    f.field("claim_date", "청구일", "date", inner(r[0][1]))
    seal, stop = f.seal_mark(r[1][1], "(서명)")
    b = inner(r[1][1])
    f.field("claimant", "청구인", "name", [b[0], b[1], stop - b[0], b[3]], seal=seal)
    f.text("필기생명보험주식회사 귀중", PAGE_W - 170, y + 420, 44, bold=True, anchor="rs")
    f.footer("고객센터 1588-0000  www.pilgilife.co.kr", "보험금청구서 v2024")
    return f.build()


def account_opening():
    purple = (95, 55, 150)
    f = Form("account_opening", "계좌개설신청서", SQUARE, SQUARE_B, line=(50, 45, 80), text=(35, 30, 60),
             shade=(238, 233, 247), accent=purple)
    f.bank_header("필기은행", "PILGI BANK", colour=purple, sub="[개인고객용]")
    f.title_block("계좌개설신청서", 430, size=104, sub="(입출금 · 적립식 예금 공통)")
    x0, W = 170, 2140
    y = 620
    f.section(x0, y, W, 76, "고객 정보")
    y = 880
    pitch = 200
    f.underline_field("name", "성명 (한글)", "name", 200, 620, 1560, y, seal_text="(인)")
    y += pitch
    f.underline_field("latin_name", "영문 성명", "name", 200, 620, 1560, y, hints={"latin": True})
    f.text("(여권과 동일하게)", 1600, y - 12, 32, colour=(110, 100, 130))
    y += pitch
    f.underline_field("rrn", "주민등록번호", "rrn", 200, 620, 1180, y)
    f.underline_field("mobile", "휴대폰", "phone", 1260, 1500, 2310, y)
    y += pitch
    f.underline_field("email", "e-mail", "text", 200, 620, 1380, y, hints={"topic": "email"})
    f.underline_field("occupation", "직업", "text", 1460, 1640, 2310, y, hints={"topic": "occupation"})
    y += pitch
    f.underline_field("address", "주소", "address", 200, 620, 2310, y)
    y += 130
    f.section(x0, y, W, 76, "신청 내용")
    y += 170
    f.text("계좌 종류", 200, y, 42, bold=True)
    f.checkboxes(620, y, ["보통예금", "정기적금", "정기예금", "외화예금"], size=40)
    y += 110
    f.text("거래 목적", 200, y, 42, bold=True)
    f.checkboxes(620, y, ["급여 및 생활비", "사업상 거래", "저축 및 투자", "기타"], size=40)
    y += 110
    f.text("전자금융", 200, y, 42, bold=True)
    f.checkboxes(620, y, ["인터넷뱅킹", "모바일뱅킹", "텔레뱅킹", "신청 안 함"], size=40)
    y += 110
    f.text("체크카드", 200, y, 42, bold=True)
    f.checkboxes(620, y, ["신청", "신청 안 함"], size=40)
    y += 90
    f.rect(x0, y, W, 380, lw=2, colour=(150, 140, 170))
    f.text_lines(["본인은 「금융실명거래 및 비밀보장에 관한 법률」에 따라 실명을 확인받았으며, 타인의 명의를",
                  "빌리거나 빌려주는 차명거래가 불법임을 설명 받았습니다. 또한 예금거래기본약관 및 해당",
                  "상품약관의 중요 내용을 충분히 설명 받고 이해하였음을 확인합니다."], x0 + 40, y + 90, 34, 62)
    f.checkboxes(x0 + 1300, y + 330, ["예", "아니오"], size=36, gap=50)
    f.text("설명 확인", x0 + 1080, y + 330, 36, bold=True)
    y += 520
    f.underline_field("date", "신청일", "date", 1100, 1320, 2310, y)
    y += 130
    f.bank_use(170, y, ["실명확인", "담당", "책임자"], h_sign=150)
    f.footer("필기은행 계좌개설신청서 (2024.01)", "고객센터 1599-0000")
    return f.build()


def loan_transfer():
    teal = (0, 110, 120)
    f = Form("loan_transfer", "대출상환 자동이체 신청서", GOTHIC, GOTHIC_B, line=(20, 70, 75), text=(20, 45, 50),
             shade=(222, 240, 240), accent=teal)
    f.bank_header("필기은행", "PILGI BANK", colour=teal, sub="여신")
    f.title_block("대출상환 자동이체 신청서", 430, size=96, sub="(원리금 · 이자 자동납부)")
    x0, W = 170, 2140
    y = 620
    f.section(x0, y, W, 76, "신청인")
    y += 96
    r = f.table(x0, y, [(170, [(380, "성명"), (690, None), (330, "연락처"), (740, None)]),
                        (190, [(380, "주민등록번호"), (1760, None)]),
                        (170, [(380, "주소"), (1760, None)])], size=40)
    seal, stop = f.seal_mark(r[0][1])
    b = inner(r[0][1])
    f.field("applicant", "성명", "name", [b[0], b[1], stop - b[0], b[3]], seal=seal)
    f.field("phone", "연락처", "phone", inner(r[0][3]))
    x, yy, w, h = r[1][1]
    cells = f.digit_boxes(x + 60, yy + 28, 100, 134, 13, seps=(5,), sep_w=70)
    ub = [cells[0][0], cells[0][1], cells[-1][0] + cells[-1][2] - cells[0][0], cells[0][3]]
    f.field("rrn", "주민등록번호", "rrn", ub, mode="digits", cells=cells, cell_align="left")
    f.field("address", "주소", "address", inner(r[2][1]))
    y += 530 + 60
    f.section(x0, y, W, 76, "이체 내용")
    y += 96
    r = f.table(x0, y, [(170, [(380, "대출계좌번호"), (1760, None)]),
                        (170, [(380, "출금은행"), (690, None), (330, "예금주"), (740, None)]),
                        (170, [(380, "출금계좌번호"), (1760, None)]),
                        (170, [(380, "이체일"), (690, None), (330, "이체금액"), (740, None)]),
                        (180, [(380, "이체금액\n(한글)"), (1760, None)])], size=40)
    f.field("loan_account", "대출계좌번호", "account", inner(r[0][1]))
    f.field("bank", "출금은행", "bank", inner(r[1][1]))
    f.field("holder", "예금주", "name", inner(r[1][3]))
    f.field("account", "출금계좌번호", "account", inner(r[2][1]))
    f.field("transfer_date", "이체일", "date", inner(r[3][1]))
    x, yy, w, h = r[3][3]
    f.text("원", x + w - 36, yy + h / 2, 42, anchor="rm")
    f.field("amount", "이체금액", "amount", [x + 5, yy + 5, w - 100, h - 10], hints={"styles": ["comma", "plain"]},
            align="either")
    f.field("amount_hangul", "이체금액(한글)", "amount_hangul", inner(r[4][1]), hints={"wrapped": True})
    y += 860 + 40
    f.text("이체 주기", x0 + 20, y + 40, 40, bold=True)
    f.checkboxes(x0 + 300, y + 40, ["매월", "분기", "만기 일시"], size=40)
    f.text("부족 시 처리", x0 + 1180, y + 40, 40, bold=True)
    f.checkboxes(x0 + 1460, y + 40, ["부분 출금", "출금 안 함"], size=40, gap=50)
    y += 110
    f.rect(x0, y, W, 300, lw=2)
    f.text_lines(["· 이체일이 휴일인 경우 다음 영업일에 출금되며, 잔액 부족 시 연체이자가 발생할 수 있습니다.",
                  "· 출금계좌의 예금주와 신청인이 다른 경우 예금주의 동의(서명)가 필요합니다.",
                  "· 위 내용을 확인하고 대출 원리금의 자동이체를 신청합니다."], x0 + 40, y + 85, 33, 70)
    y += 380
    f.text("20        년        월        일", PAGE_W - 170, y, 42, anchor="rs")
    y += 110
    f.text("신청인 :                                    (서명)", PAGE_W - 170, y, 42, anchor="rs")
    f.bank_use(170, 3020, ["접수", "담당", "책임자"], h_sign=140, h_head=70)
    f.footer("필기은행 대출상환 자동이체 신청서 (여신-07)", "2024.06")
    return f.build()


BUILDERS = {
    "remittance": remittance,
    "withdrawal": withdrawal,
    "deposit": deposit,
    "insurance_claim": insurance_claim,
    "account_opening": account_opening,
    "loan_transfer": loan_transfer,
}
ALL_LAYOUTS = list(BUILDERS)
HELDOUT_LAYOUTS = ["loan_transfer"]
TRAIN_LAYOUTS = [n for n in ALL_LAYOUTS if n not in HELDOUT_LAYOUTS]


@functools.lru_cache(maxsize=None)
def get(name):
    return BUILDERS[name]()


def resolve(spec):
    """train | heldout | all | comma-separated names -> list of layout names."""
    if spec == "train":
        return list(TRAIN_LAYOUTS)
    if spec == "heldout":
        return list(HELDOUT_LAYOUTS)
    if spec == "all":
        return list(ALL_LAYOUTS)
    names = [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [n for n in names if n not in BUILDERS]
    if unknown or not names:
        raise ValueError(f"unknown layouts {unknown} (known: {', '.join(ALL_LAYOUTS)})")
    return names
