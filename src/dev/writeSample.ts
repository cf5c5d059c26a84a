// npm run sample: regenerates data/*.csv. objects.csv is written in GB18030, as Excel on a Chinese
// Windows saves "CSV (逗号分隔)"; the others as "CSV UTF-8" with a BOM, except history without one.
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

const dir = process.argv[2] ?? 'data';
const excel = (h: string[], rows: string[][]) =>
  csvText(
    h,
    rows.map((r) => [...r]),
    { excel: true },
  );

const objects = [...objectRows(2000)];
writeFileSync(
  join(dir, 'departments.csv'),
  excel(
    ['部门编码', '部门名称', '层级', '上级部门'],
    DEPARTMENTS.map((r) => [...r]),
  ),
);
writeFileSync(
  join(dir, 'items.csv'),
  excel(
    [
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
    ],
    ITEMS.map((r) => [...r]),
  ),
);
writeFileSync(join(dir, 'objects.csv'), encodeGb18030(excel(OBJECT_HEADERS, objects).replace(/^\uFEFF/, '')));
writeFileSync(join(dir, 'inspectors.csv'), excel(INSPECTOR_HEADERS, inspectorRows(objects.map((o) => o[0]!))));
writeFileSync(join(dir, 'history.csv'), excel(HISTORY_HEADERS, historyRows(objects, 2026)).replace(/^\uFEFF/, ''));
console.log(`sample data written to ${dir}`);
