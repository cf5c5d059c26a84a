// Administration: init, settings, backup, time stamps, the demo.
import type { Catalogue } from './messageTypes.js';

export const adminMessages = {
  T_DEMO_FOLDER: { zh: '演示目录：{dir}', en: 'Demo folder: {dir}' },
  T_DATABASE_BUNDLE_TRY_NEXT: {
    zh: '\n数据库：{dbPath}\n复核包：{bundle}\n可继续试用：{run} --db {dbPath} status{install}',
    en: '\nDatabase: {dbPath}\nBundle: {bundle}\nTry next: {run} --db {dbPath} status{install}',
  },
  T_DEMO_INSTALL_HINT: {
    zh: '\n要在任何目录直接输入 inspect：在本工具目录（{root}）运行 npm link（详见 README.zh-CN.md“安装”）。',
    en: '\nTo type inspect from any folder: run npm link in the tool folder ({root}) (see the README, "Install").',
  },
  T_BACKED_UP_TO_AUDIT: {
    zh: '已备份到 {out}（可用 inspect audit --db {out} 审计）',
    en: 'Backed up to {out} (audit it with inspect audit --db {out})',
  },
  D_STEP_5A: {
    zh: '5a. 承诺抽取（推荐）：先记录承诺，再由之后公开的 drand 随机数决定（演练：时钟设为 2023-09-15 18:40）',
    en: '5a. A committed draw (recommended): commit first, then a drand value published later decides (rehearsal: clock set to 2023-09-15 18:40 CST)',
  },
  D_STEP_5B: {
    zh: '5b. 随机数公开后揭示：先试一个伪造的值（另一轮的签名）——被拒绝并记入日志',
    en: "5b. After the round: a forged value (another round's signature) is refused and logged",
  },
  D_STEP_5C: {
    zh: '5c. 用 drand 第 657413 轮的真实签名揭示，从冻结的输入记录抽取结果并复核',
    en: "5c. Reveal with round 657413's real signature: the draw is recorded from the frozen inputs, then verified",
  },
  D_STEP_1: { zh: '1. 导入示例名录（{datadir}）', en: '1. Import the sample rosters ({datadir})' },
  D_STEP_2: { zh: '2. 当前数据概况', en: '2. What is loaded' },
  D_STEP_3: {
    zh: '3. 试运行：只看范围和分配（不显示抽中对象，不记录）',
    en: '3. Dry run: scope and allocation only (no objects, nothing recorded)',
  },
  D_STEP_4: {
    zh: '4. 正式抽取（种子「{demoseed}」）并匹配执法人员',
    en: '4. The draw (seed "{demoseed}") with inspector matching',
  },
  D_STEP_5: {
    zh: '5. 联合抽查：餐饮服务食品安全与卫生（市场监管 + 卫健，进一次门、查多项事）',
    en: '5. A joint inspection: catering food safety and hygiene (market regulation + health)',
  },
  D_STEP_6: {
    zh: '6. 导出复核包并在不依赖数据库的情况下复核',
    en: '6. Export the audit bundle and verify it without the database',
  },
  D_STEP_7: { zh: '7. 抽取记录', en: '7. The draws on record' },
  D_STEP_8: {
    zh: '8. 导出检查任务清单（Excel 用 CSV）和抽查任务公告',
    en: '8. The task list (CSV for Excel) and the task notice',
  },
  D_STEP_9: {
    zh: '9. 录入检查结果（示例），导出抽查结果公告，查看年度报告',
    en: '9. Enter some results, publish them, and read the report',
  },
  D_STEP_10: {
    zh: '10. 审计：校验日志链、重算每次抽取、核对名录与公示；打印链头供现场宣读',
    en: '10. Audit: walk the log chain, recompute every draw, check rosters and publications; print the chain head',
  },
} as const satisfies Catalogue;
