"""What the rule extractor finds in one passage, for the extraction rules' unit tests: one report context
(a made-up report of the given author and year) and the mentions found in the text as (label, name)."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions

CITY = "深圳市人民政府"


def mentions(text: str, author: str = CITY, year: int = 2021) -> set[tuple[str, str]]:
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", year, author), text)
    return {(m.label, m.name) for m in find_mentions(text, 0, ctx)}


def names(text: str, label: str, author: str = CITY, year: int = 2021) -> set[str]:
    return {n for lab, n in mentions(text, author, year) if lab == label}


def places(text: str, author: str = CITY, year: int = 2021) -> set[str]:
    return names(text, "Place", author, year)

# Authors of the district reports the rule tests quote.
LONGGANG = "深圳市龙岗区人民政府"
PINGSHAN = "深圳市坪山区人民政府"
GUANGMING = "深圳市光明区人民政府"
NANSHAN = "深圳市南山区人民政府"
BAOAN = "深圳市宝安区人民政府"
YANTIAN = "深圳市盐田区人民政府"
LUOHU = "深圳市罗湖区人民政府"
FUTIAN = "深圳市福田区人民政府"


def names_of(sentence, label: str) -> set[str]:
    """The names of one label among a read sentence's mentions (test_extract_relation_rules.context)."""
    return {m.name for m in sentence.mentions if m.label == label}
