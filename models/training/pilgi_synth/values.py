"""Realistic values for each field kind of a Korean financial form.

Every generator takes a random.Random and returns the string a customer would write.
Kinds match the template contract: text, name, rrn, date, phone, account, amount, amount_hangul, bank, address.
"""
import datetime

SURNAMES = ("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백 허 유 남 심 노 하 곽 성 차 "
            "주 우 구 민 나 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 "
            "인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부").split()
COMPOUND_SURNAMES = ["남궁", "황보", "제갈", "선우", "독고", "사공"]
GIVEN = ("민 서 지 현 준 우 도 윤 하 은 예 주 수 진 영 혜 성 연 승 재 동 정 경 상 희 호 석 훈 원 태 철 순 숙 자 미 "
         "숙 옥 명 기 광 용 창 종 규 범 찬 빈 린 율 온 솔 결 한 아 나 다 채 유 소 시 선 인 혁 환 웅 근 식 남 길 덕 만 "
         "복 춘 분 화 란 향 봉 래 균 택 표 완 열 형 혁 건 겸 담 별 슬 여 이 지 훈 후 휘 희 률 림 보 민 윤 찬").split()
BANKS = ["KB국민은행", "국민은행", "신한은행", "우리은행", "하나은행", "NH농협은행", "농협", "IBK기업은행", "기업은행",
         "SC제일은행", "씨티은행", "카카오뱅크", "케이뱅크", "토스뱅크", "부산은행", "대구은행", "iM뱅크", "경남은행",
         "광주은행", "전북은행", "제주은행", "수협은행", "새마을금고", "신협", "우체국", "산업은행"]
BRANCH_PLACES = ["강남", "역삼", "서초", "종로", "을지로", "여의도", "잠실", "목동", "분당", "일산", "해운대", "서면",
                 "동성로", "둔산", "상무", "수원", "인천", "청주", "전주", "창원", "김해", "포항", "천안", "광명",
                 "명동", "신촌", "홍대", "구로", "노원", "마포"]
PROVINCES = {
    "서울특별시": ["강남구", "서초구", "송파구", "종로구", "중구", "마포구", "영등포구", "노원구", "관악구", "성북구", "강서구", "은평구"],
    "부산광역시": ["해운대구", "수영구", "동래구", "부산진구", "사하구", "남구"],
    "대구광역시": ["수성구", "달서구", "중구", "북구"],
    "인천광역시": ["연수구", "남동구", "부평구", "서구"],
    "광주광역시": ["서구", "북구", "광산구"],
    "대전광역시": ["유성구", "서구", "중구"],
    "울산광역시": ["남구", "중구", "울주군"],
    "경기도": ["수원시 영통구", "성남시 분당구", "고양시 일산동구", "용인시 수지구", "부천시", "안양시 동안구", "화성시", "평택시"],
    "강원특별자치도": ["춘천시", "원주시", "강릉시"],
    "충청북도": ["청주시 흥덕구", "충주시"],
    "충청남도": ["천안시 서북구", "아산시", "공주시"],
    "전북특별자치도": ["전주시 완산구", "군산시", "익산시"],
    "전라남도": ["목포시", "여수시", "순천시"],
    "경상북도": ["포항시 남구", "구미시", "경주시", "안동시"],
    "경상남도": ["창원시 성산구", "김해시", "진주시", "양산시"],
    "제주특별자치도": ["제주시", "서귀포시"],
}
ROAD_STEMS = ["테헤란", "강남대", "세종대", "종로", "올림픽", "중앙", "번영", "시청", "학동", "도산대", "봉은사", "양재대",
              "해운대해변", "광안해변", "월드컵", "동서", "경인", "중부대", "백제", "충장", "금남", "문화", "새마을",
              "은행", "한밭대", "청풍", "대학", "공원", "산업", "평화", "통일", "희망", "행복", "푸른", "솔밭"]
APT_NAMES = ["래미안", "자이", "힐스테이트", "푸르지오", "아이파크", "롯데캐슬", "e편한세상", "더샵", "한신", "현대",
             "삼성", "주공", "우성", "쌍용", "벽산"]
PURPOSES = ["생활비", "학원비", "월세", "관리비", "등록금", "병원비", "사업자금", "물품대금", "용돈", "경조사비", "보험료",
            "적금 이체", "대출 상환", "계약금", "잔금", "중도금", "공과금", "카드대금", "부모님 용돈", "회비",
            "11월분 월세", "거래대금", "임대료", "급여", "상여금", "수수료", "환불", "선물"]
RELATIONS = ["본인", "배우자", "자녀", "부모", "형제", "친척", "지인", "거래처", "법인", "대리인"]
CLAIM_REASONS = ["교통사고로 인한 입원치료", "계단에서 넘어져 골절", "허리 디스크 수술", "감기 몸살 통원치료", "치과 치료",
                 "맹장 수술 입원", "발목 염좌 물리치료", "건강검진 후 용종 제거", "독감 치료", "화상 치료",
                 "운동 중 무릎 부상", "백내장 수술", "출산 입원", "피부염 통원", "어깨 회전근개 파열"]
HOSPITALS = ["서울대학교병원", "세브란스병원", "삼성서울병원", "서울아산병원", "강남성모병원", "분당서울대병원",
             "부산대학교병원", "경북대학교병원", "전남대학교병원", "충남대학교병원", "연세정형외과", "튼튼정형외과",
             "밝은안과", "미소치과", "365열린의원", "행복한내과", "우리들병원", "참편한의원"]
OCCUPATIONS = ["회사원", "공무원", "자영업", "주부", "학생", "교사", "간호사", "의사", "프리랜서", "무직", "농업",
               "운전기사", "엔지니어", "디자이너", "연구원", "군인", "은행원"]
LATIN_GIVEN = ["GILDONG", "MINJUN", "SEOYEON", "JIHO", "HAYOON", "DOYOON", "SUAH", "JIWOO", "YEJUN", "EUNJI",
               "HYUNWOO", "JISOO", "TAEYANG", "SOYEON", "JUNHO"]
LATIN_SURNAMES = ["KIM", "LEE", "PARK", "CHOI", "JUNG", "KANG", "CHO", "YOON", "JANG", "LIM", "HAN", "OH", "SHIN"]

RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def name(rng):
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.03 else rng.choice(SURNAMES)
    n = 1 if rng.random() < 0.12 else 2
    return surname + "".join(rng.choice(GIVEN) for _ in range(n))


def latin_name(rng):
    return f"{rng.choice(LATIN_SURNAMES)} {rng.choice(LATIN_GIVEN)}"


def rrn_check_digit(first12):
    s = sum(int(d) * w for d, w in zip(first12, RRN_WEIGHTS))
    return (11 - s % 11) % 10


def rrn(rng):
    born = datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 66))
    male = rng.random() < 0.5
    if born.year >= 2000:
        g = 3 if male else 4
    else:
        g = 1 if male else 2
    body = born.strftime("%y%m%d") + str(g) + "".join(str(rng.randrange(10)) for _ in range(5))
    return f"{body[:6]}-{body[6:]}{rrn_check_digit(body)}"


def date(rng, style=None):
    d = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 8))
    style = style or rng.choice(["dot", "dot", "dash", "korean", "korean", "compact", "slash"])
    if style == "dot":
        return f"{d.year}.{d.month:02d}.{d.day:02d}" if rng.random() < 0.7 else f"{d.year}. {d.month}. {d.day}."
    if style == "dash":
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if style == "slash":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if style == "compact":
        return f"{d.year}{d.month:02d}{d.day:02d}"
    return f"{d.year}년 {d.month}월 {d.day}일"


def phone(rng):
    r = rng.random()
    if r < 0.72:
        return f"010-{rng.randrange(2000, 10000)}-{rng.randrange(0, 10000):04d}"
    if r < 0.82:
        return f"02-{rng.randrange(200, 9999)}-{rng.randrange(0, 10000):04d}"
    if r < 0.95:
        area = rng.choice(["031", "032", "033", "041", "042", "043", "051", "052", "053", "054", "055", "061", "062", "063", "064"])
        return f"{area}-{rng.randrange(200, 999)}-{rng.randrange(0, 10000):04d}"
    return f"070-{rng.randrange(2000, 9999)}-{rng.randrange(0, 10000):04d}"


ACCOUNT_PATTERNS = ["###-##-######", "######-##-######", "###-######-##-###", "####-###-######", "###-###-######",
                    "###-####-####-##", "##-####-######-#", "####-##-#######", "###-######-#####"]


def account(rng, hyphens=True):
    pat = rng.choice(ACCOUNT_PATTERNS)
    digits = "".join(str(rng.randrange(10)) if c == "#" else c for c in pat)
    return digits if hyphens else digits.replace("-", "")


def amount_number(rng):
    r = rng.random()
    if r < 0.35:
        return rng.randrange(1, 1000) * 10000
    if r < 0.6:
        return rng.randrange(1, 100) * 1000
    if r < 0.8:
        return rng.randrange(1, 10000) * 1000
    if r < 0.95:
        return rng.randrange(10000, 100000000)
    return rng.randrange(1, 50) * 1000000


def amount(rng, value=None, style=None):
    value = amount_number(rng) if value is None else value
    style = style or rng.choice(["comma", "comma", "comma", "plain", "won"])
    if style == "plain":
        return str(value)
    if style == "won":
        return f"{value:,}원"
    return f"{value:,}"


_DIGITS = "영일이삼사오육칠팔구"
_SMALL = [(1000, "천"), (100, "백"), (10, "십")]


def _hangul_under_10000(n):
    out = ""
    for unit, word in _SMALL:
        q, n = divmod(n, unit)
        if q:
            out += ("" if q == 1 else _DIGITS[q]) + word
    if n:
        out += _DIGITS[n]
    return out


def hangul_number(value, il_man=False):
    """123456789 -> 일억이천삼백사십오만육천칠백팔십구. A lone 1 before 만 is written 만 unless il_man (일만)."""
    if value <= 0:
        raise ValueError("amount must be positive")
    out = ""
    for unit, word in ((10 ** 12, "조"), (10 ** 8, "억"), (10 ** 4, "만")):
        q, value = divmod(value, unit)
        if q == 1 and word == "만" and not il_man and not out:
            out += word
        elif q == 1:
            out += "일" + word
        elif q:
            out += _hangul_under_10000(q) + word
    return out + _hangul_under_10000(value)


def amount_hangul(rng, value=None, wrapped=True):
    value = amount_number(rng) if value is None else value
    body = hangul_number(value, il_man=rng.random() < 0.5)
    if not wrapped:
        return body
    return rng.choice([f"일금 {body}원정", f"일금{body}원정", f"금 {body}원", f"일금 {body} 원정"])


def bank(rng):
    b = rng.choice(BANKS)
    if rng.random() < 0.25:
        b += " " + rng.choice(BRANCH_PLACES) + "지점"
    return b


def address(rng):
    prov = rng.choice(list(PROVINCES))
    city = rng.choice(PROVINCES[prov])
    if rng.random() < 0.3:
        prov = prov.replace("특별시", "시").replace("광역시", "시").replace("특별자치도", "").replace("특별자치", "")
    road = rng.choice(ROAD_STEMS) + rng.choice(["로", "로", "길", f"로{rng.randrange(1, 60)}길"])
    no = rng.randrange(1, 400)
    tail = ""
    r = rng.random()
    if r < 0.45:
        tail = f", {rng.randrange(101, 130)}동 {rng.randrange(1, 25)}{rng.randrange(1, 5):02d}호"
    elif r < 0.6:
        tail = f" {rng.choice(APT_NAMES)}아파트 {rng.randrange(101, 120)}동 {rng.randrange(1, 20)}{rng.randrange(1, 5):02d}호"
    elif r < 0.75:
        tail = f", {rng.randrange(2, 15)}층"
    return f"{prov} {city} {road} {no}{tail}"


def short_address(rng):
    prov = rng.choice(list(PROVINCES))
    return f"{prov} {rng.choice(PROVINCES[prov])} {rng.choice(ROAD_STEMS)}로 {rng.randrange(1, 400)}"


def text(rng, topic=None):
    topic = topic or rng.choice(["purpose", "relation", "claim", "hospital", "occupation", "email", "memo"])
    if topic == "purpose":
        return rng.choice(PURPOSES)
    if topic == "relation":
        return rng.choice(RELATIONS)
    if topic == "claim":
        return rng.choice(CLAIM_REASONS)
    if topic == "hospital":
        return rng.choice(HOSPITALS)
    if topic == "occupation":
        return rng.choice(OCCUPATIONS)
    if topic == "email":
        user = rng.choice(LATIN_GIVEN).lower() + str(rng.randrange(1, 999))
        return f"{user}@{rng.choice(['naver.com', 'daum.net', 'gmail.com', 'kakao.com', 'hanmail.net'])}"
    return f"{rng.choice(PURPOSES)} {rng.randrange(1, 13)}월분"


def value_for(kind, rng, **hints):
    """One value for a field kind; hints (e.g. topic, style, value, wrapped, latin) shape it."""
    if kind == "name":
        return latin_name(rng) if hints.get("latin") else name(rng)
    if kind == "rrn":
        return rrn(rng)
    if kind == "date":
        return date(rng, hints.get("style"))
    if kind == "phone":
        return phone(rng)
    if kind == "account":
        return account(rng, hints.get("hyphens", True))
    if kind == "amount":
        return amount(rng, hints.get("value"), hints.get("style"))
    if kind == "amount_hangul":
        return amount_hangul(rng, hints.get("value"), hints.get("wrapped", True))
    if kind == "bank":
        return bank(rng)
    if kind == "address":
        return address(rng) if not hints.get("short") else short_address(rng)
    if kind == "text":
        return text(rng, hints.get("topic"))
    raise ValueError(f"unknown kind {kind}")


KINDS = ["text", "name", "rrn", "date", "phone", "account", "amount", "amount_hangul", "bank", "address"]
