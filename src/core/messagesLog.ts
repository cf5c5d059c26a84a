// The log's own words: action names and entry summaries. An entry stores its summary rendered in English
// (the text its hash has always covered) and the message itself, so `inspect log` can show it in the
// reader's language; `audit` checks that the two say the same.
export const logMessages: Record<string, { zh: string; en: string }> = {
  L_DRAW: {
    zh: '{drawId} 事项 {items} 年度 {year}：{eligible} 户中抽中 {selected} 户；输入摘要 {inputDigest}；种子 {seed}{supersedes}{note}',
    en:
      '{drawId} items {items} year {year}: {selected} of {eligible} selected; digest {inputDigest}; seed {seed}{sup' +
      'ersedes}{note}',
  },
  L_DRAW_FAILED: {
    zh: '{drawId} 未记录：{objects} 户配不齐检查组；种子 {seed}；输入摘要 {inputDigest}',
    en: '{drawId} not recorded: {objects} objects without a full team; seed {seed}; input digest {inputDigest}',
  },
  L_SUPERSEDES: { zh: '；作废 {id}，原因：{reason}', en: '; supersedes {id}: {reason}' },
  L_COMMIT: {
    zh:
      '{drawId} 已承诺：事项 {items} 年度 {year}；可抽取 {eligible} 户，应抽 {toDraw} 户；输入摘要 {inputDigest}；承诺摘要 {commitDigest}；随机源 ' +
      '{sources}{supersedes}',
    en:
      '{drawId} committed: items {items} year {year}; {eligible} eligible, {toDraw} to draw; digest {inputDigest}; ' +
      'commitDigest {commitDigest}; sources {sources}{supersedes}',
  },
  L_REVEAL_NOTE: {
    zh: '；承诺摘要 {commitDigest}；揭示 {sources}',
    en: '; commitDigest {commitDigest}; revealed {sources}',
  },
  L_REVEAL_REFUSED: {
    zh: '{id} 揭示被拒绝：{why}；所给值的 SHA-256 摘要 {valuesDigest}',
    en: '{id} reveal refused: {why}; values sha256 {valuesDigest}',
  },
  L_IMPORT: {
    zh: '{kind} {file}：导入 {imported} 行，拒绝 {rejected} 行，停用 {retired} 行{allowed}；名录摘要 {rosterDigest}{retire}',
    en:
      '{kind} {file}: {imported} imported, {rejected} rejected, {retired} retired{allowed}; roster {rosterDigest}{r' +
      'etire}',
  },
  // The roster named in an import's summary: its code in English (as entries always said), its name in Chinese.
  L_ROSTER_objects: { zh: '检查对象', en: 'objects' },
  L_ROSTER_inspectors: { zh: '执法人员', en: 'inspectors' },
  L_ROSTER_items: { zh: '抽查事项', en: 'items' },
  L_ROSTER_departments: { zh: '部门', en: 'departments' },
  L_ROSTER_history: { zh: '已检查记录', en: 'history' },
  L_ALLOWED_CODES: { zh: '，确认放行的代码 {codes}', en: ', allowed codes {codes}' },
  L_RETIRE_CONFIRMED: { zh: '；停用这么多行已在终端确认', en: '; retiring that many confirmed at the terminal' },
  L_RETIRE_FULL_ROSTER: { zh: '；完整名录（--full-roster）', en: '; whole roster (--full-roster)' },
  L_RESULTS: {
    zh: '检查结果 {file}（文件 {sha256}）：新增 {added} 条，修改 {changed} 条，未变 {unchanged} 条，拒绝 {rejected} 条{abnormal}',
    en:
      'results {file} (file {sha256}): {added} added, {changed} changed, {unchanged} unchanged, {rejected} rejected' +
      '{abnormal}',
  },
  L_ABNORMAL: { zh: '；结果为 6/C 的对象 {objects}', en: '; 6/C for {objects}' },
  L_PUBLISH_TASK: { zh: '{drawId} 的抽查任务公告（{on}）→ {file}', en: 'task notice of {drawId} on {on} → {file}' },
  L_PUBLISH_RESULT: {
    zh: '{drawId} 的抽查结果公告（{on}）：{results} 条结果 → {file}',
    en: 'result notice of {drawId} on {on}: {results} results → {file}',
  },
  L_PUBLISH_PENDING: {
    zh: '{drawId} 的抽查结果公告（{on}）：{results} 条结果（待公示汇总，另含 {others} 个抽取）→ {file}',
    en: 'result notice of {drawId} on {on}: {results} results (pending, with {others} other draws) → {file}',
  },
  L_PUBLISH_COMMITMENT: {
    zh: '{drawId} 的抽取承诺公告（承诺摘要 {commitDigest}）→ {file}',
    en: 'commitment notice of {drawId} (commitDigest {commitDigest}) → {file}',
  },
  T_LOG_DIGESTS: { zh: '内容摘要 {payload}  哈希 {hash}', en: 'payload {payload}  hash {hash}' },
  L_CLOCK_MARK: { zh: ' [时钟：INSPECT_NOW]', en: ' [clock: INSPECT_NOW]' },
  T_ACTION_draw: { zh: '抽取', en: 'draw' },
  'T_ACTION_draw.supersede': { zh: '重新抽取（作废前次）', en: 'draw (supersedes)' },
  'T_ACTION_draw.failed': { zh: '抽取未成', en: 'draw failed' },
  'T_ACTION_draw.commit': { zh: '抽取承诺', en: 'commitment' },
  T_ACTION_reveal: { zh: '揭示', en: 'reveal' },
  'T_ACTION_reveal.refused': { zh: '揭示被拒', en: 'reveal refused' },
  'T_ACTION_import.objects': { zh: '导入检查对象', en: 'import objects' },
  'T_ACTION_import.inspectors': { zh: '导入执法人员', en: 'import inspectors' },
  'T_ACTION_import.items': { zh: '导入抽查事项', en: 'import items' },
  'T_ACTION_import.departments': { zh: '导入部门', en: 'import departments' },
  'T_ACTION_import.history': { zh: '导入已检查记录', en: 'import history' },
  'T_ACTION_results.import': { zh: '录入检查结果', en: 'import results' },
  'T_ACTION_publish.task': { zh: '公示抽查任务', en: 'publish tasks' },
  'T_ACTION_publish.result': { zh: '公示抽查结果', en: 'publish results' },
  'T_ACTION_publish.commitment': { zh: '公示抽取承诺', en: 'publish commitment' },
  T_ACTION_init: { zh: '创建数据库', en: 'create database' },
  'T_ACTION_settings.set': { zh: '更改设置', en: 'change a setting' },
  'T_ACTION_supersede.refused': { zh: '作废被拒', en: 'voiding refused' },
  'T_ACTION_timestamp.add': { zh: '添加时间戳', en: 'add a time stamp' },
  'T_ACTION_timestamp.refused': { zh: '时间戳被拒', en: 'time stamp refused' },
  'T_ACTION_timestamp.request': { zh: '申请时间戳', en: 'request a time stamp' },
  'T_ACTION_timestamp.trust': { zh: '信任时间戳机构根证书', en: 'trust a TSA root' },
  // What a log entry's reference points at, by the table or kind of attempt it names.
  'T_REF_commitment-notices': { zh: '承诺公告', en: 'commitment notice' },
  T_REF_commitments: { zh: '承诺', en: 'commitment' },
  'T_REF_draw-attempt': { zh: '抽取尝试', en: 'draw attempt' },
  T_REF_draws: { zh: '抽取', en: 'draw' },
  T_REF_imports: { zh: '导入记录', en: 'import' },
  T_REF_publications: { zh: '公示记录', en: 'publication' },
  'T_REF_reveal-attempt': { zh: '揭示尝试', en: 'reveal attempt' },
  T_REF_settings: { zh: '设置记录', en: 'setting' },
  'T_REF_supersede-attempt': { zh: '作废尝试', en: 'voiding attempt' },
  'T_REF_timestamp-requests': { zh: '时间戳申请', en: 'time-stamp request' },
  'T_REF_timestamp-tokens': { zh: '时间戳', en: 'time stamp' },
  'T_REF_tsa-roots': { zh: '时间戳机构根证书', en: 'TSA root' },
};
