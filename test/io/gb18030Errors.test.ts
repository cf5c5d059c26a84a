// A GB18030 file with a byte that is no character is refused naming its row, column and byte offset
// (not "near byte 0"), wherever in the file it is.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/io/csvRead.js';
import { InspectError } from '../../src/core/errors.js';
import { tmp } from '../helpers.js';

async function readAll(file: string): Promise<unknown> {
  try {
    const r = await openCsv(file, 'gb18030');
    for await (const batch of r.batches()) void batch;
    return null;
  } catch (e) {
    return e;
  }
}

describe('invalid GB18030', () => {
  it.each([3, 2000])('a bad byte on row %i is named by row, column and offset', async (row) => {
    const lines = ['名称,区域,备注'];
    for (let i = 2; i < row; i++) lines.push(`厦门第${i}号公司,湖里区,无`);
    const head = iconv.encode(`${lines.join('\n')}\n厦门公司,`, 'gb18030');
    const bad = Buffer.from([0x81, 0x20]); // a lead byte followed by a space: no character
    const file = join(tmp(), 'bad.csv');
    writeFileSync(file, Buffer.concat([head, bad, iconv.encode(',x\n', 'gb18030')]));
    const e = await readAll(file);
    expect(e).toBeInstanceOf(InspectError);
    expect((e as InspectError).msg).toMatchObject({
      key: 'E_BAD_GB18030',
      params: { row, column: 2, offset: head.length },
    });
  });
});
