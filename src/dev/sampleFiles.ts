// The sample district's CSV files, as Excel on a Chinese Windows would save them: objects.csv in GB18030
// ("CSV (逗号分隔)") when asked, the others as "CSV UTF-8" with a byte-order mark, history without one.
// Written by `npm run sample` (data/) and by tests that need a larger district of the same shape.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvText } from '../io/csvWrite.js';
import {
  DEPARTMENTS,
  HISTORY_HEADERS,
  historyRows,
  INSPECTOR_HEADERS,
  inspectorRows,
  ITEMS,
  OBJECT_HEADERS,
  objectRows,
} from './sampleData.js';
import { encodeGb18030 } from './gb18030.js';

const ITEM_HEADERS = [
  '事项编码',
  '事项名称',
  '检查类别',
  '事项类型',
  '发起部门',
  '配合部门',
  '抽查依据',
  '检查方式',
  '对象类型',
  '行业',
  '区域',
  '标签',
  '所需专长',
  '比例上限',
];

const excel = (h: readonly string[], rows: readonly (readonly string[])[]) =>
  csvText(
    [...h],
    rows.map((r) => [...r]),
    { excel: true },
  );

/** departments, items, objects, inspectors and history .csv for `count` generated objects. */
export function writeSampleFiles(
  dir: string,
  count: number,
  opts: { label?: string; gb18030Objects?: boolean; historyYear: number },
): void {
  const objects = [...objectRows(count, opts.label)];
  writeFileSync(join(dir, 'departments.csv'), excel(['部门编码', '部门名称', '层级', '上级部门'], DEPARTMENTS));
  writeFileSync(join(dir, 'items.csv'), excel(ITEM_HEADERS, ITEMS));
  const objectsText = excel(OBJECT_HEADERS, objects);
  writeFileSync(
    join(dir, 'objects.csv'),
    opts.gb18030Objects ? encodeGb18030(objectsText.replace(/^\uFEFF/, '')) : objectsText,
  );
  writeFileSync(join(dir, 'inspectors.csv'), excel(INSPECTOR_HEADERS, inspectorRows(objects.map((o) => o[0]!))));
  writeFileSync(
    join(dir, 'history.csv'),
    excel(HISTORY_HEADERS, historyRows(objects, opts.historyYear)).replace(/^\uFEFF/, ''),
  );
}
