// The UI's own words in Chinese and English. Data (names, report text) is never
// translated here; only the interface around it.

const STRINGS = {
  zh: {
    tagline: "政府报告知识图谱",
    searchPlaceholder: "提问或搜索，例如：哪些部门开展了外语标识核查？",
    searchButton: "搜索",
    langTitle: "切换界面语言",
    tabGraph: "图谱",
    tabPartners: "友城网络",
    tabReports: "报告",
    tabTime: "年度",
    filters: "筛选",
    pathFinder: "路径",
    zoomIn: "放大",
    zoomOut: "缩小",
    fit: "适应",
    relayout: "重新布局",
    exportPng: "导出 PNG",
    partnersTitle: "友好城市与对外交流网络",
    graphBack: "← 返回", showMore: "显示更多",
    foreignAllHomes: "全部（地方与机构）", foreignAllCountries: "全部国家", foreignYear: "年份", foreignCsv: "导出 CSV",
    foreignTies: "条对外关系", foreignUnplaced: "无坐标的地点", foreignSince: "始于",
    foreignCol_home: "本方", foreignCol_partner: "外方", foreignCol_country: "国家", foreignCol_kind: "类型",
    foreignCol_since: "结好年份", foreignCol_year: "年份", foreignCol_evidence: "依据",
    report: "报告",
    reportGraph: "在图谱中查看",
    welcomeTitle: "从一个问题开始",
    welcomeBody: "用中文或英文提问，答案是图谱中的实体，每个答案都附有出处原文。双击图中节点可展开其关联。",
    examples: "示例问题",
    corpusStats: "已收录",
    statReports: "份报告",
    statPassages: "个段落",
    statNodes: "个实体",
    statEdges: "条关系",
    searching: "正在检索…",
    asking: "问题类型",
    anyType: "不限类型",
    answers: "答案",
    passages: "相关段落",
    noAnswers: "没有实体直接回答这个问题，请看下面的相关段落。",
    noPassages: "没有找到相关内容。可以换个说法、减少词语，或用另一种语言提问。",
    showAnswersInGraph: "在图谱中显示全部答案",
    openInReport: "查看原文",
    evidence: "出处",
    more: "更多",
    score: "相关度",
    label_Report: "报告",
    label_Passage: "段落",
    label_Agency: "机构",
    label_Organization: "组织",
    label_Person: "人物",
    label_Place: "地点",
    label_Policy: "政策",
    label_Measure: "举措",
    label_Event: "活动",
    label_Indicator: "指标",
    label_Plan: "计划",
    role_achievement: "成效",
    role_problem: "问题",
    role_plan: "计划",
    role_other: "其他",
    labels: "类型",
    year: "年份",
    alsoIn: "同见于",
    role: "段落性质",
    any: "全部",
    apply: "应用",
    reset: "重置",
    pathSource: "起点实体",
    pathTarget: "终点实体",
    pathFind: "查找路径",
    pathMaxLen: "最长步数",
    pickEntity: "输入名称的开头…",
    pathsFound: "条路径",
    noPaths: "在给定步数内，这两个实体之间没有路径。",
    pathNeedBoth: "请先选择起点和终点实体。",
    nodes: "节点",
    edges: "关系",
    truncated: "（仅显示关联最多的部分）",
    loadingGraph: "正在加载图谱…",
    emptyGraph: "当前筛选条件下没有实体。请放宽筛选条件。",
    emptyStore: "还没有收录任何报告。请先运行 govgraph ingest 导入报告。",
    legend: "图例",
    name_en: "英文名",
    aliases: "别名",
    properties: "属性",
    neighbors: "关联",
    noEvidence: "没有记录出处。",
    noNeighbors: "没有关联实体。",
    expand: "在图谱中展开",
    pathFrom: "设为路径起点",
    pathTo: "设为路径终点",
    close: "关闭",
    loading: "加载中…",
    section: "章节",
    reportPassages: "段落",
    chars: "字",
    author: "发文机关",
    genre: "文种",
    entitiesMarked: "已识别实体",
    impliedActor: "整句归属（主语省略）",
    noReports: "还没有收录任何报告。",
    partnersEmpty: "已收录的报告中没有友好城市或对外交流关系。",
    since: "起",
    partnerDomestic: "国内地方或机构",
    partnerCity: "友好城市",
    partnerCountry: "国家",
    errNetworkTitle: "无法连接服务器",
    errNetworkDetail: "请确认 govgraph serve 正在运行，然后重试。",
    errTitle: "出错了",
    expanded: "已展开",
    newNodes: "个新节点",
    nothingNew: "没有更多关联。",
    outgoing: "→",
    incoming: "←",
    kind: "种类",
    status: "状态",
    status_done: "已完成",
    status_planned: "计划中",
    doubleClickHint: "单击查看详情，双击展开关联",
  },
  en: {
    tagline: "Knowledge graph of government reports",
    searchPlaceholder: "Ask or search, e.g. Which agencies checked foreign-language signage?",
    searchButton: "Search",
    langTitle: "Switch interface language",
    tabGraph: "Graph",
    tabPartners: "Partner network",
    tabReports: "Reports",
    tabTime: "Over the years",
    filters: "Filters",
    pathFinder: "Paths",
    zoomIn: "Zoom in",
    zoomOut: "Zoom out",
    fit: "Fit",
    relayout: "Re-layout",
    exportPng: "Export PNG",
    partnersTitle: "Sister cities and foreign exchange",
    graphBack: "← Back", showMore: "Show more",
    foreignAllHomes: "All (places and agencies)", foreignAllCountries: "All countries", foreignYear: "Year", foreignCsv: "Export CSV",
    foreignTies: "foreign ties", foreignUnplaced: "Places without coordinates", foreignSince: "since",
    foreignCol_home: "Home", foreignCol_partner: "Partner", foreignCol_country: "Country", foreignCol_kind: "Kind",
    foreignCol_since: "Since", foreignCol_year: "Year", foreignCol_evidence: "Evidence",
    report: "Report",
    reportGraph: "Show in graph",
    welcomeTitle: "Start with a question",
    welcomeBody: "Ask in Chinese or English. Answers are entities of the graph, each with the sentences that prove it. Double-click a node to expand its neighbours.",
    examples: "Example questions",
    corpusStats: "In the store",
    statReports: "reports",
    statPassages: "passages",
    statNodes: "entities",
    statEdges: "relations",
    searching: "Searching…",
    asking: "Asking for",
    anyType: "any type",
    answers: "Answers",
    passages: "Passages",
    noAnswers: "No entity answers this question directly; see the passages below.",
    noPassages: "Nothing found. Try other words, fewer words, or the other language.",
    showAnswersInGraph: "Show all answers in the graph",
    openInReport: "Open in report",
    evidence: "Evidence",
    more: "more",
    score: "score",
    label_Report: "Report",
    label_Passage: "Passage",
    label_Agency: "Agency",
    label_Organization: "Organization",
    label_Person: "Person",
    label_Place: "Place",
    label_Policy: "Policy",
    label_Measure: "Measure",
    label_Event: "Event",
    label_Indicator: "Indicator",
    label_Plan: "Plan",
    role_achievement: "Achievement",
    role_problem: "Problem",
    role_plan: "Plan",
    role_other: "Other",
    labels: "Types",
    year: "Year",
    alsoIn: "also in",
    role: "Passage role",
    any: "All",
    apply: "Apply",
    reset: "Reset",
    pathSource: "From entity",
    pathTarget: "To entity",
    pathFind: "Find paths",
    pathMaxLen: "Max steps",
    pickEntity: "Type the start of a name…",
    pathsFound: "paths",
    noPaths: "No path joins these two entities within the step limit.",
    pathNeedBoth: "Pick both a start and an end entity first.",
    nodes: "nodes",
    edges: "edges",
    truncated: "(showing the best-connected part)",
    loadingGraph: "Loading the graph…",
    emptyGraph: "No entities match these filters. Try widening them.",
    emptyStore: "No reports yet. Run govgraph ingest to add some.",
    legend: "Legend",
    name_en: "English name",
    aliases: "Aliases",
    properties: "Properties",
    neighbors: "Neighbours",
    noEvidence: "No evidence recorded.",
    noNeighbors: "No neighbours.",
    expand: "Expand in graph",
    pathFrom: "Path from here",
    pathTo: "Path to here",
    close: "Close",
    loading: "Loading…",
    section: "Section",
    reportPassages: "passages",
    chars: "characters",
    author: "Author",
    genre: "Genre",
    entitiesMarked: "Recognised entities",
    impliedActor: "Credited with the whole sentence (subject left out)",
    noReports: "No reports have been ingested yet.",
    partnersEmpty: "The ingested reports name no sister-city or exchange ties.",
    since: "since",
    partnerDomestic: "Domestic place or agency",
    partnerCity: "Partner city",
    partnerCountry: "Country",
    errNetworkTitle: "Cannot reach the server",
    errNetworkDetail: "Check that govgraph serve is running, then try again.",
    errTitle: "Something went wrong",
    expanded: "Expanded",
    newNodes: "new nodes",
    nothingNew: "No further neighbours.",
    outgoing: "→",
    incoming: "←",
    kind: "Kind",
    status: "Status",
    status_done: "done",
    status_planned: "planned",
    doubleClickHint: "Click for details, double-click to expand",
  },
};

const REL_NAMES = {
  zh: {
    AUTHORED: "撰写", HAS_PASSAGE: "包含段落", MENTIONED_IN: "提及于", CARRIED_OUT: "开展",
    ORGANIZED: "组织", PARTICIPATED_IN: "参与", COOPERATED_WITH: "合作", ISSUED: "发布",
    IMPLEMENTS: "落实", CITES: "引用", PARTNER_OF: "友好关系", HELD_AT: "举办于",
    LOCATED_IN: "位于", HEADS: "领导", PART_OF: "隶属", VISITED: "走访",
  },
  en: {},
};

const STORAGE_KEY = "govgraph.lang";
const listeners = new Set();
let lang = initialLang();

function initialLang() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "zh" || saved === "en") return saved;
  } catch {
    // Storage can be disabled (private mode); fall back to the browser's language.
  }
  return (navigator.language || "zh").toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function currentLang() {
  return lang;
}

export function t(key) {
  return STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
}

export function labelName(label) {
  return t(`label_${label}`);
}

export function roleName(role) {
  return role ? t(`role_${role}`) : "";
}

export function relName(type) {
  if (lang === "zh") return REL_NAMES.zh[type] || type;
  return (type || "").toLowerCase().replace(/_/g, " ");
}

export function setLang(next) {
  if (next === lang) return;
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the switch still applies to this page.
  }
  applyStatic();
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn) {
  listeners.add(fn);
}

// Static markup carries data-i18n* attributes naming its keys.
export function applyStatic(root = document) {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll("[data-i18n-title]")) node.title = t(node.dataset.i18nTitle);
  for (const node of root.querySelectorAll("[data-i18n-aria-label]")) node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel));
}
