// The binary itself, spawned: most CLI cases run in process through main() (helpers.cli), so these few
// check what only a real process shows — the bin script, the exit code the shell sees, a reader that
// leaves early, and that a spawned run and an in-process run of the same command line agree byte for byte.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { cli, ROOT, SAMPLE_DRAW, sampleDb, spawnCli } from '../helpers.js';

describe('the built binary', () => {
  it('prints the version package.json declares (the one every draw record carries)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const r = spawnCli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('with no arguments shows the help and exits 0; an unknown command is a usage error (2) in Chinese', () => {
    expect(spawnCli([]).code).toBe(0);
    const r = spawnCli(['drow']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("错误：未知命令 'drow'");
  });

  it('a missing database exits 66 with the message on stderr and nothing on stdout', () => {
    const r = spawnCli(['status', '--db', join(ROOT, 'no-such-dir', 'x.db')]);
    expect(r.code).toBe(66);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^错误: 数据库 .* 不存在/);
  });

  it('a reader that leaves early (| head -1) ends the run quietly with exit 0', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/inspect.js --help | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^用法： inspect/);
    expect(r.stderr).toBe('');
  });

  it('the same command line spawned and in process: same exit code, same stdout, same stderr', async () => {
    const lines = [
      ['status', '--json'],
      ['--lang', 'en', 'draw', ...SAMPLE_DRAW.slice(1), '--dry-run'],
      ['draw', ...SAMPLE_DRAW.slice(1), '--dry-run', '--json'],
      ['show', '2026-HLSJ-404'],
      ['import', 'objects', join(ROOT, 'test/fixtures/broken-ragged.csv')],
    ];
    for (const args of lines) {
      const [a, b] = [await sampleDb(), await sampleDb()];
      const env = { INSPECT_NOW: '2026-10-20T09:00:00+08:00' };
      const spawned = spawnCli([...args, '--db', a], { env });
      const inProcess = await cli([...args, '--db', b], { env });
      const same = (s: string) => s.replaceAll(a, 'DB').replaceAll(b, 'DB');
      expect({ ...inProcess, stdout: same(inProcess.stdout), stderr: same(inProcess.stderr) }, args.join(' ')).toEqual({
        ...spawned,
        stdout: same(spawned.stdout),
        stderr: same(spawned.stderr),
      });
    }
  });
});
