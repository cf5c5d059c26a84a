// Drawing: plans, draws, matching, show, simulate.
import type { Catalogue } from './messageTypes.js';

export const drawMessages = {
  T_LEADING_ITEM_ITS_DEPARTMENT: { zh: '牵头事项（其部门为牵头部门）', en: 'Leading item (its department leads)' },
  T_PLAN_YEAR: { zh: '计划年度', en: 'Plan year' },
  T_A_YEAR_FROM_TO: { zh: '应为 {from}–{to} 之间的四位年份', en: 'a year from {from} to {to}' },
  T_INSPECTION_WINDOW_START_END: { zh: '检查时间窗口（开始..结束）', en: 'Inspection window (start..end)' },
  T_KIND_OF_DRAW: { zh: '抽取方式', en: 'Kind of draw' },
  T_COMMITTED_DRAW_RECOMMENDED_RECORD: {
    zh: '承诺抽取（推荐）：先记录并公布抽取承诺，再由之后公开的随机数（drand、彩票开奖、公证摇号）决定结果，谁也无法事先试种子',
    en: 'Committed draw (recommended): record and publish the commitment first; a public random value that exists only later decides, so nobody can try seeds beforehand',
  },
  T_PLAIN_DRAW_DRAW_NOW: {
    zh: '普通抽取：用现场宣读的种子（或系统随机生成）立即抽取',
    en: 'Plain draw: draw now with a seed read out in the room (or generated)',
  },
  T_PUBLIC_RANDOM_SOURCES_SPACE: {
    zh: '公共随机源（多个用空格分隔，如 drand@2027-01-15T10:00+08:00 ssq:2027006@2027-01-17）',
    en: 'Public random sources (space-separated, e.g. drand@2027-01-15T10:00+08:00 ssq:2027006@2027-01-17)',
  },
  T_AT_LEAST_ONE: { zh: '至少一个', en: 'at least one' },
  T_DRAW_DEPARTMENTS_LEAD_FIRST: {
    zh: '抽取 {drawId}（{year} 年度）  部门：{departments}（第一个为牵头部门）  检查类别：{categories}',
    en: 'Draw {drawId} ({year})  departments: {departments} (lead first)  categories: {categories}',
  },
  T_OBJECTS_IN_SCOPE_ALREADY: {
    zh: '范围内对象 {scopeCount} 户；牵头部门本年已覆盖 {coveredCount} 户',
    en: '{scopeCount} objects in scope; {coveredCount} already covered this year by the lead department',
  },
  T_EXCLUDED_SAME_CATEGORY_THIS: {
    zh: '排除：本年同类已检查 {SAME_CATEGORY}，本年已被抽中 {DRAWN_THIS_YEAR}，上级部门本年已检查 {HIGHER_LEVEL}；可抽取 {frameSize} 户',
    en: 'excluded: same category this year {SAME_CATEGORY}, drawn this year {DRAWN_THIS_YEAR}, higher level this year {HIGHER_LEVEL}; {frameSize} eligible',
  },
  T_OBJECTS_TO_DRAW: { zh: '合计抽取 {selectedTotal} 户', en: '{selectedTotal} objects to draw' },
  T_ITEM_THE_WHOLE_SCOPE: {
    zh: '重点事项：范围内对象全覆盖（抽签只决定检查顺序）',
    en: '重点 item: the whole scope is covered (tickets only set the visiting order)',
  },
  T_THE_ANNUAL_FLOOR_BINDS: {
    zh: '年度覆盖下限 {floor}% 起作用：至少需抽 {floorTotal} 户，已按比例补足',
    en: 'The {floor}% annual floor binds: at least {floorTotal} needed, topped up proportionally',
  },
  T_THE_ANNUAL_FLOOR_IS: {
    zh: '年度覆盖下限 {floor}% 已满足（需 {floorTotal} 户）',
    en: 'The {floor}% annual floor is met ({floorTotal} needed)',
  },
  T_SIMULATED_DRAWS_SEEDS_SIM: {
    zh: '模拟 {runs} 次（种子 sim-1…sim-{runs}，不记录任何内容），可抽取 {frameCount} 户',
    en: '{runs} simulated draws (seeds sim-1…sim-{runs}, nothing recorded), {frameCount} eligible objects',
  },
  T_SEED_E_G_NUMBERS: {
    zh: '随机种子（如现场宣读的号码；直接回车则由系统随机生成）',
    en: 'Seed (e.g. numbers read out at the ceremony; press Enter to generate one)',
  },
  TH_PLAN: { zh: '层|比例|N|n|入选概率 n/N', en: 'stratum|ratio|N|n|inclusion n/N' },
  T_STRATUM_KEY: { zh: '重点监管', en: 'key supervision' },
  T_STRATUM_NAME: { zh: '{grade}·{risk}', en: '{grade}, {risk}' },
  TH_SIMULATE: {
    zh: '层|N|n|应有概率 n/N|实测平均|单户最低|单户最高|最大偏差(标准差)',
    en: 'stratum|N|n|expected n/N|observed|min/object|max/object|max z',
  },
  // draw
  E_NO_ITEMS: {
    zh: '没有给出抽查事项：用 --items 代码[,代码…]',
    en: 'No inspection items given: use --items CODE[,CODE…]',
  },
  E_UNKNOWN_ITEMS: {
    zh: '--items 中的事项编码不在当前抽查事项清单中：{codes}',
    en: '--items names codes not in the current list of inspection items: {codes}',
  },
  E_NO_OBJECTS: {
    zh: '尚未导入检查对象名录库：先运行 inspect import objects 文件.csv',
    en: 'No object roster loaded: run inspect import objects FILE.csv first',
  },
  E_SUPERSEDE_REASON: {
    zh: '--supersede 必须同时给出 --reason 说明作废原因。',
    en: '--supersede needs --reason to say why the draw is voided.',
  },
  E_REASON_ALONE: { zh: '--reason 只能与 --supersede 一起使用。', en: '--reason goes with --supersede only.' },
  E_ALREADY_SUPERSEDED: {
    zh: '抽取 {id} 已被 {by} 作废，不能再次作废。',
    en: 'Draw {id} was already superseded by {by}.',
  },
  E_SUPERSEDE_YEAR: {
    zh: '抽取 {id} 属于 {year} 年度，与 --year {want} 不同。',
    en: 'Draw {id} is for {year}, not --year {want}.',
  },
  E_DRAW_RACE: {
    zh: '确认期间数据库发生了变化（另一次抽取或导入）：未记录任何内容，请重新运行。',
    en: 'The database changed while you were confirming (another draw or import): nothing was recorded; run again.',
  },
  E_MATCH_FAILED: {
    zh: '{count} 个对象无法组成完整的检查组（每组 {size} 人），本次抽取未记录：',
    en: '{count} objects cannot get a full team ({size} inspectors), so the draw was not recorded:',
  },
  E_MATCH_OBJECT: { zh: '对象 {id}{dept}：{candidates}', en: 'object {id}{dept}: {candidates}' },
  E_MATCH_GROUP: {
    zh: '对象 {id}（共 {count} 个，原因相同）{dept}：{candidates}',
    en: 'objects {id} ({count}, for the same reasons){dept}: {candidates}',
  },
  E_MATCH_CANDIDATE: { zh: '{id}（{dept}）{reasons}', en: '{id} ({dept}) {reasons}' },
  E_MATCH_NOBODY: { zh: '该部门没有在册执法人员', en: 'that department has no inspectors on the roster' },
  I_CONFIRM: {
    zh: '确认进行抽取并永久记录？（抽取一经记录不可撤销、不可重抽）',
    en: 'Make the draw and record it for good? (a recorded draw cannot be undone or re-rolled)',
  },
  I_SEED_GENERATED: {
    zh: '未给出种子，已用系统随机数生成：{seed}',
    en: 'No seed given; generated from OS randomness: {seed}',
  },
  I_DRAW_DONE: {
    zh: '抽取 {id} 已记录：抽中 {n} 户，输入摘要 {digest}，种子 {seed}',
    en: 'Draw {id} recorded: {n} objects selected, input digest {digest}, seed {seed}',
  },
  I_DRY_RUN: {
    zh: '（试运行：只显示分配，不显示抽中对象，不记录任何内容）',
    en: '(dry run: the allocation only, never the objects; nothing recorded)',
  },
} as const satisfies Catalogue;
