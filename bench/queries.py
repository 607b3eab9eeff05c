"""A fixed list of queries for latency: what researchers type about government work reports, in
Chinese and English, as keywords and as questions (some asking for a label, some not).

Fixed, so that runs compare; written for the genre, not for any one report.
"""

QUERIES: list[str] = [
    # Chinese keywords
    "外语标识核查纠错",
    "友好城市交流",
    "营商环境改革",
    "法治政府建设",
    "行政执法公示制度",
    "重大行政决策程序",
    "民生实事",
    "乡村振兴",
    "生态环境保护",
    "科技创新",
    "高质量发展",
    "城市更新",
    "疫情防控",
    "公共服务均等化",
    "教育医疗养老",
    # Chinese questions
    "哪些部门开展了外语标识核查？",
    "哪些城市与东城区建立了友好关系？",
    "谁担任区长？",
    "哪项规定规范了公共场所外语标识？",
    "哪些企业参与了投资合作？",
    "政府工作报告提出了哪些目标？",
    "如何优化营商环境？",
    "今年经济增长预期目标是多少？",
    "哪些单位参与了法治宣传？",
    "哪些部门负责安全生产监管？",
    "深圳在科技创新方面做了什么？",
    "存在哪些困难和问题？",
    "下一步工作计划有哪些？",
    "哪个单位组织了儿童画互展？",
    "粤港澳大湾区建设取得了哪些进展？",
    # English keywords
    "foreign language signage",
    "sister city",
    "business environment reform",
    "rule of law government",
    "administrative law enforcement",
    "ecological protection",
    "technological innovation",
    "urban renewal",
    "public health",
    "Greater Bay Area",
    # English questions
    "Which office organized foreign-language signage inspections?",
    "Which cities are sister cities of the district?",
    "Who is the head of the district government?",
    "Which policy regulates foreign-language signs in public places?",
    "Which companies invested in the district?",
    "What are the economic growth targets for this year?",
    "What problems does the government still face?",
    "Which agencies cooperated on law enforcement?",
    "How did the city improve public services?",
    "What was done for rural revitalization?",
]


def queries(quick: bool = False) -> list[str]:
    """The list, or its first GOVGRAPH_BENCH_QUERIES entries (10 in quick mode) for smoke runs."""
    import os
    n = int(os.environ.get("GOVGRAPH_BENCH_QUERIES") or (10 if quick else len(QUERIES)))
    return QUERIES[:max(1, n)]
