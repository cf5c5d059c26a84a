// The verifier page's own words (it runs alone in a browser, so it carries them), both languages; the
// catalogue test checks them like every other message.
export const TEXT: Record<string, { zh: string; en: string }> = {
  title: { zh: '双随机抽取复核', en: 'Draw verifier (双随机)' },
  lang: { zh: 'English', en: '中文' },
  intro: {
    zh: '选择复核包中的文件（frame.json、inspectors.json、record.json，承诺抽取另有 commitment.json、beacons.json），或把整个复核包文件夹拖到这里。',
    en:
      "Choose the bundle's files (frame.json, inspectors.json, record.json, and for a committed draw commitment.jso" +
      'n, beacons.json), or drop the whole bundle folder here.',
  },
  pickFiles: { zh: '选择文件：', en: 'Files:' },
  pickFolder: { zh: '或选择文件夹：', en: 'or a folder:' },
  offline: {
    zh: '本页完全离线运行：不联网、不上传，所有计算都在本机浏览器中完成。算法见复核包中的 算法说明.md（英文全文 algorithm.md）。',
    en:
      'This page works offline: nothing is sent anywhere; everything is computed in this browser. The algorithm is ' +
      "in the bundle's algorithm.md.",
  },
  reading: { zh: '正在读取并重新计算……', en: 'Reading and recomputing…' },
  pass: {
    zh: '全部一致：抽取结果可由公开数据和算法完全重现。',
    en: 'All parts match: the draw follows from its published inputs and algorithm.',
  },
  fail: {
    zh: '复核未通过：见下表中标为“不一致”的部分。',
    en: 'Verification FAILED: see the parts marked MISMATCH below.',
  },
  match: { zh: '一致', en: 'match' },
  mismatch: { zh: '不一致', en: 'MISMATCH' },
  part: { zh: '复核项', en: 'part' },
  result: { zh: '结果', en: 'result' },
  detail: { zh: '说明 / 第一处差异', en: 'detail / first difference' },
  missing: { zh: '缺少文件：', en: 'missing file: ' },
  notJson: { zh: '不是有效的 JSON：', en: 'not valid JSON: ' },
  summary: { zh: '公示摘要', en: 'Summary for the notice' },
  drawId: { zh: '抽取编号', en: 'draw id' },
  items: { zh: '抽查事项', en: 'items' },
  year: { zh: '年度', en: 'year' },
  window: { zh: '检查时间', en: 'window' },
  seed: { zh: '种子（原文）', en: 'seed (as given)' },
  inputDigest: { zh: '输入摘要', en: 'input digest' },
  commitDigest: { zh: '承诺摘要', en: 'commitment digest' },
  selected: { zh: '抽中对象', en: 'objects selected' },
  teams: { zh: '检查组', en: 'teams' },
  strata: { zh: '分层（N 户中抽 n 户）', en: 'strata (n of N)' },
  sources: { zh: '公共随机源', en: 'public random sources' },
  lotteries: {
    zh: '请与官方开奖公告逐一核对以下号码（无法离线证明彩票号码真实）：',
    en: 'Compare these numbers with the official announcements (lottery numbers cannot be proven offline):',
  },
  unprovable: {
    zh: '复核包无法单独证明、请与公告核对的字段：',
    en: 'Not provable from the bundle alone; compare with the notice: ',
  },
  clock: {
    zh: '注意：该承诺是在 INSPECT_NOW 指定的时钟下做出的（演练或测试）。能证明承诺在先的是已发布的承诺公告。',
    en: 'Note: this commitment was made under a clock set by INSPECT_NOW (a rehearsal or a test); the published notice is what proves it came first.',
  },
  practice: {
    zh: '演练数据：此抽取来自演练数据库，不是正式抽取。以下仍逐项完整复核。',
    en: 'PRACTICE DATA: this draw comes from a practice database; it is not an official draw. Every check still runs.',
  },
  files: { zh: '文件', en: 'files' },
  timestamp: { zh: '可信时间戳', en: 'timestamp' },
  recordDigest: {
    zh: '抽取记录摘要 recordDigest（与抽查任务公告核对，一致即证明记录每个字段）',
    en: 'record digest (compare with the task notice: a match proves every field)',
  },
  duplicate: { zh: '选择了两个同名的文件：', en: 'two files of one name were chosen: ' },
  frame: { zh: '抽取框', en: 'frame' },
  digest: { zh: '输入摘要', en: 'digest' },
  seedCheck: { zh: '种子', en: 'seed' },
  allocation: { zh: '分配', en: 'allocation' },
  selection: { zh: '抽中对象', en: 'selection' },
  assignments: { zh: '检查组', en: 'assignments' },
  record: { zh: '抽取记录字段', en: 'record fields' },
  commitment: { zh: '抽取承诺', en: 'commitment' },
  sourceTimes: { zh: '随机源时间', en: 'source times' },
  beacons: { zh: '公共随机数', en: 'public values' },
  key: { zh: '密钥串', en: 'key string' },
  seconds: { zh: '用时 {s} 秒', en: '{s} s' },
};
