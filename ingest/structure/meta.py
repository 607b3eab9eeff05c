"""A report's title, author, year and genre, from its first lines, its wording and its file name."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from ..vocabulary import Genre, PlaceKind
from ..wordlists import table
from .numbering import match_numbering

GENRE_FZZF = Genre.FZZF  # 法治政府建设年度情况报告
GENRE_GZBG = Genre.GZBG  # 政府工作报告
GENRE_OTHER = Genre.OTHER

# Word-processor residue that some exports leave in the text ([bookmark: _GoBack] and the like).
JUNK = re.compile(r"\[(?:bookmark|image|footnote|endnote|comment)[^\]\n]{0,80}\]|[\u200b\u200c\u200d\u2060\ufeff]", re.I)
_SPACES = " \t\u3000\xa0"

_SALUTATION = re.compile(r"^(?:各位(?:人大)?代表|同志们|各位委员|尊敬的)")
_NOT_TITLE = re.compile(r"^(?:——|—|-|来源|时间|发布|作者|日期|字号|浏览|信息来源|索引号|【)")
_PERSON_LINE = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:市长|省长|区长|县长|主席|主任|总理|书记)\s+[\u4e00-\u9fff·]{2,5}$")
_AGENCY_SUFFIX = r"(?:人民政府|政府办公室|办公室|办公厅|委员会|管理委员会|管委会|政府筹备组|国务院|政府|局|厅|署|部|院|委|办)"
_AGENCY_LINE = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,40}}{_AGENCY_SUFFIX}$")
_AGENCY_PREFIX = re.compile(rf"^([\u4e00-\u9fff（）()]{{2,40}}?{_AGENCY_SUFFIX})(?:关于|(?:\d{{4}}|[〇一二三四五六七八九十]{{4}})年)")
_AGENCY_HEAD = re.compile(r"^([\u4e00-\u9fff]{2,30}?人民政府)")
_SPEAKER = re.compile(
    r"我(?:谨)?代表((?:[\u4e00-\u9fff]{0,20}?)(?:人民政府|政府筹备组|国务院|管理委员会|管委会|政府))"
)
_TERM = re.compile(r"[一二三四五六七八九十]+届")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:特别行政区|自治区|自治州|新区|省|市|区|县|旗|盟|州)")
_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
# Provinces and autonomous regions by short form (广东 -> 广东省, 广西 -> 广西壮族自治区), from the gazetteer.
_PROVINCE_ROWS = [(name, short) for name, kind, _parent, short in table("cn_places.tsv") if kind == PlaceKind.PROVINCE]
_PROVINCES = tuple(short for name, short in _PROVINCE_ROWS if name == short + "省")
_AUTONOMOUS = {short: name for name, short in _PROVINCE_ROWS if name.endswith("自治区")}
# Words ending in 区/市/县/省 that are not place names (示范区, 大湾区, 城市…), and tokens cut out of a
# sentence with a function word in front (为全省, 在福田区).
_NOT_PLACE = re.compile(
    r"(?:示范|试验|合作|大湾|集聚|重点|综保|辖|建设|济特|园|地|灌|城|社|片|景|校|城乡|核心|先行|功能|中心|保护|开发"
    r"|自贸|产业|商务|生活|起步|新城|老城|全|我|本|各|该|超|都|门|股|楼|上|夜|集|特|山|林|牧|矿|强|大|小|保税|行政|高新|安新|边境)(?:区|市|县|省)"
)
_FUNCTION_FIRST = re.compile(r"^[在和与及的为对向从到按是入获荣由占超领并请代落造洋育示]")


@dataclass
class Meta:
    title: str
    author: str | None
    year: int | None
    genre: Genre


def clean_line(line: str) -> str:
    return JUNK.sub("", line).strip(_SPACES)


def _title_lines(lines: list[str]) -> list[str]:
    """The leading lines that read as a title: short, unpunctuated, not a salutation or a heading."""
    picked: list[str] = []
    for line in lines[:6]:
        if not line:
            continue
        if (len(line) > 60 or _SALUTATION.match(line) or _NOT_TITLE.match(line) or _PERSON_LINE.match(line)
                or line[-1] in "。；;：:，,！!？?" or "。" in line or match_numbering(line)):
            break
        picked.append(line)
    # The title ends at its last line naming the document (…报告); agency name lines may precede it.
    for i in range(len(picked) - 1, -1, -1):
        if re.search(r"报告|总结|要点|情况|规划|纲要|意见|通知|决定|方案", picked[i]):
            return picked[: i + 1]
    if len(picked) == 1 and len(picked[0]) <= 40 and not _AGENCY_LINE.match(picked[0]):
        return picked
    return []


def _title_from_file(file: str) -> tuple[str | None, int | None]:
    stem = PurePath(file).stem
    year = None
    m = _YEAR.findall(stem)
    if m:
        year = int(m[-1])
    if not _HAS_CJK.search(stem):
        return None, year
    # Crawled names end in "_2014" or "_2014年": the publication year, kept apart from the title.
    base = re.sub(r"[_\-\s]+(?:19|20)\d{2}年?$", "", stem)
    base = re.sub(r"^\d{1,4}[_\-\s]+", "", base).strip("_- ")
    if year and not _YEAR_IN_TITLE.search(base):
        base = f"{base}（{year}年）"
    return base or None, year


def _genre(title: str, head: str, file: str) -> str:
    low_file = file.lower()
    if "法治政府" in title or re.search(r"(?<![a-z])fzzf(?![a-z])", low_file) or "法治政府" in file:
        return GENRE_FZZF
    if re.search(r"工作报告", title) or re.search(r"(?<![a-z])gzbg(?![a-z])", low_file) or "工作报告" in file:
        return GENRE_GZBG
    first = head.lstrip(_SPACES + "\n")[:20]
    if _SALUTATION.match(first) or re.search(r"我(?:谨)?代表[^。]{0,30}向大会", head):
        return GENRE_GZBG
    if head.count("法治政府建设") >= 2 or head.count("依法行政") >= 3:
        return GENRE_FZZF
    return GENRE_OTHER


def _places(text: str) -> list[str]:
    """Place names in a title, leading function words dropped (在福田区… -> 福田区)."""
    cleaned = _YEAR_IN_TITLE.sub(" ", text)
    out = []
    for p in _PLACE.findall(cleaned):
        p = p.lstrip("在于和与及的对向从")
        if len(p) >= 3 and not _NOT_PLACE.fullmatch(p):
            out.append(p)
    return out


def _place_in_text(level: str, text: str) -> str | None:
    """The place of this level the report names most, for 我代表区人民政府 in an untitled report."""
    if level in ("省", "自治区"):
        names = _PROVINCES if level == "省" else tuple(_AUTONOMOUS)
        counts = {name: text.count(name) for name in names}
        name, n = max(counts.items(), key=lambda kv: kv[1])
        if n < 3:
            return None
        return name + "省" if level == "省" else _AUTONOMOUS[name]
    counts: dict[str, int] = {}
    for m in re.finditer(rf"[\u4e00-\u9fff]{{2}}{level}", text):
        token = m.group(0)
        if not _NOT_PLACE.fullmatch(token[-3:]) and not _NOT_PLACE.fullmatch(token[-2:]) and not _FUNCTION_FIRST.match(token):
            counts[token] = counts.get(token, 0) + 1
    if not counts:
        return None
    token, n = max(counts.items(), key=lambda kv: kv[1])
    return token if n >= 3 else None


def _with_place(phrase: str, title: str, text: str) -> str:
    """我代表区人民政府 names no district: take it from the title (盐田区2015年政府工作报告) or the text."""
    phrase = _TERM.sub("", phrase)
    for level in ("新区", "自治区", "省", "市", "区", "县", "州"):
        if phrase.startswith(level):
            places = [p for p in _places(title) if p.endswith(level)]
            place = places[0] if places else _place_in_text(level, text)
            return place + phrase[len(level):] if place else phrase
    return phrase


def _author(title_lines: list[str], title: str, head: str, text: str, genre: str) -> str | None:
    m = _SPEAKER.search(head)
    if m:
        phrase = m.group(1)
        if phrase not in ("政府", "人民政府"):
            return _with_place(phrase, title, text)
    if len(title_lines) > 1 and _AGENCY_LINE.match(title_lines[0]):
        return title_lines[0]
    m = _AGENCY_PREFIX.match(title) or _AGENCY_HEAD.match(title)
    if m:
        return m.group(1)
    if genre == GENRE_GZBG:
        # 2014年南山区政府工作报告: the government of the place in the title.
        places = _places(title)
        if places:
            # 深圳市坪山区政府工作报告: the most local place is the author's; a new district governed by a
            # management committee names it in the title (大鹏新区2023年管理委员会工作报告, 大鹏新区管委会2015年工作报告)
            body = "管理委员会" if "管理委员会" in title or "管委会" in title else "人民政府"
            return places[-1] + body
    return None


_DATE_LINE = re.compile(r"^(?:(?:19|20)\d{2}|[〇○零一二]{1}[〇○零一二三四五六七八九]{3})年[0-9一二三四五六七八九十]{1,3}月"
                        r"(?:[0-9一二三四五六七八九十]{1,3}日)?$")


def _signature(text: str) -> str | None:
    """The body signed under the report's last lines with a date (深圳市光明区人民政府 / 2022年1月5日).

    Reports sent up the hierarchy put their issuer only there; a signature is a short line naming a
    government or party body, next to a date line, among the last few lines.
    """
    lines = [clean_line(l) for l in text[-600:].split("\n")]
    lines = [l for l in lines if l][-5:]
    for i, line in enumerate(lines):
        if not _DATE_LINE.match(line.replace(" ", "")):
            continue
        for cand in (lines[i - 1] if i > 0 else "", lines[i + 1] if i + 1 < len(lines) else ""):
            if 4 <= len(cand) <= 40 and _AGENCY_LINE.match(cand):
                return cand
    return None


def read_meta(text: str, file: str) -> Meta:
    lines = [clean_line(l) for l in text[:4000].split("\n")]
    lines = [l for l in lines if l]
    picked = _title_lines(lines)
    title = "".join(picked)
    file_title, file_year = _title_from_file(file)
    if not title and file_title:
        title = file_title
    head = text[:3000]
    genre = _genre(title, head, file)
    year = None
    m = _YEAR_IN_TITLE.search(title)
    if m:
        year = int(m.group(1))
    elif file_year:
        year = file_year
    author = _author(picked, title, head, text[:30000], genre) or _signature(text)
    if not title:
        kind = {GENRE_FZZF: "法治政府建设情况报告", GENRE_GZBG: "政府工作报告"}.get(genre, "报告")
        if genre == GENRE_GZBG and author:
            kind = "工作报告"
        title = f"{year or ''}{'年' if year else ''}{author or ''}{kind}"
    return Meta(title=title, author=author, year=year, genre=genre)
