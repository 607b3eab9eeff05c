"""Writes tests/gold/time/questions.jsonl: time questions with, for each year asked, the words of the report
that answer it (the first place they stand in that report). Evidence recall: every year's span must lie in
one of the top 5 passages `ask` returns. Run from the repository root; reports are read from corpus-extra."""
import json
from pathlib import Path

from govgraph.ingest.readers import read_document

X = Path("/work/shared/corpus-extra")
PS = "{}年坪山区政府工作报告_{}.txt"
GD = "广东省政府工作报告_{}年.txt"
SC = "国务院政府工作报告_{}年.txt"


def ps(y):
    return PS.format(y, y)


Q = [
    ("dev", "zh", "坪山区2022年和2023年地区生产总值增长目标分别是多少？",
     [(ps(2022), "地区生产总值增长7%左右"), (ps(2023), "地区生产总值增长10.0%以上")]),
    ("dev", "en", "How did Guangdong's GDP growth target change from 2022 to 2023?",
     [(GD.format(2022), "地区生产总值增长5.5%左右"), (GD.format(2023), "地区生产总值增长5%以上")]),
    ("dev", "zh", "广东省2021年和2022年地区生产总值分别是多少？",
     [(GD.format(2022), "全省地区生产总值达12.4万亿元"), (GD.format(2023), "预计2022年全省地区生产总值达12.8万亿元")]),
    ("dev", "en", "What was Pingshan's general public budget revenue growth in 2021 and 2022?",
     [(ps(2022), "一般公共预算收入达64亿元、增长26.9%"), (ps(2023), "地方一般公共预算收入55亿元，同口径增长5.2%")]),
    ("dev", "zh", "国务院2018年到2019年国内生产总值增长目标如何变化？",
     [(SC.format(2018), "国内生产总值增长6.5%左右"), (SC.format(2019), "国内生产总值增长6%－6.5%")]),
    ("dev", "en", "What were the State Council's surveyed urban unemployment targets in 2021 and 2022?",
     [(SC.format(2021), "城镇调查失业率5.5%左右"), (SC.format(2022), "城镇调查失业率全年控制在5.5%以内")]),
    ("dev", "zh", "坪山区2021年和2022年社会消费品零售总额增长了多少？",
     [(ps(2022), "社会消费品零售总额达181.2亿元，增长19.2%"), (ps(2023), "社会消费品零售总额197亿元，增长8.9%")]),
    ("dev", "en", "Guangdong fixed-asset investment growth target in 2019 compared with 2020",
     [(GD.format(2019), "固定资产投资增长9%左右"), (GD.format(2020), "固定资产投资增长10%")]),
    ("test", "zh", "坪山区2023年和2024年规模以上工业增加值增长目标是多少？",
     [(ps(2023), "规模以上工业增加值增长20.0%以上"), (ps(2024), "规模以上工业增加值增长17%以上")]),
    ("test", "en", "How did Pingshan's GDP growth target change from 2024 to 2025?",
     [(ps(2024), "地区生产总值增长10%以上"), (ps(2025), "地区生产总值增长6%左右")]),
    ("test", "zh", "广东省2019年和2020年居民消费价格涨幅目标分别是多少？",
     [(GD.format(2019), "居民消费价格涨幅控制在3%以内"), (GD.format(2020), "居民消费价格涨幅3.5%左右")]),
    ("test", "en", "What was Guangdong's GDP in 2018 and 2019?",
     [(GD.format(2019), "全省地区生产总值达9.73万亿元"), (GD.format(2020), "全省地区生产总值10.77万亿元")]),
    ("test", "zh", "国务院2024年和2025年国内生产总值增长预期目标分别是多少？",
     [(SC.format(2024), "国内生产总值增长5%左右"), (SC.format(2025), "国内生产总值增长5%左右")]),
    ("test", "en", "How many new urban jobs did the State Council target in 2024 and 2025?",
     [(SC.format(2024), "城镇新增就业1200万人以上"), (SC.format(2025), "城镇新增就业1200万人以上")]),
    ("test", "zh", "坪山区2022年到2023年地方一般公共预算收入增长目标如何变化？",
     [(ps(2022), "地方一般公共预算收入增长1.7%左右"), (ps(2023), "地方一般公共预算收入增长15.0%以上")]),
    ("test", "en", "What was the State Council's consumer price target in 2021 and 2022?",
     [(SC.format(2021), "居民消费价格涨幅3%左右"), (SC.format(2022), "居民消费价格涨幅3%左右")]),
]

out = []
for split, lang, q, anchors in Q:
    ev = []
    for file, anchor in anchors:
        text = read_document(X / file).text
        i = text.find(anchor)
        assert i >= 0, (file, anchor)
        ev.append({"file": file, "start": i, "end": i + len(anchor), "text": anchor})
    out.append({"split": split, "lang": lang, "question": q, "evidence": ev})
Path("tests/gold/time/questions.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))
print(len(out), "questions")
