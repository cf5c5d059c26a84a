// Builds dist/verify.html: the auditor's page, one self-contained file (no network, no CDN), with the
// core verification code bundled in by esbuild — the same modules `inspect verify` runs, with node:crypto
// replaced by @noble/hashes for the browser.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PACKAGE_ROOT as ROOT } from '../io/paths.js';

const result = await build({
  entryPoints: [join(ROOT, 'src/browser/verifier.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: ['chrome87', 'firefox78', 'edge88'],
  minify: true,
  legalComments: 'none',
  alias: { 'node:crypto': join(ROOT, 'src/browser/cryptoShim.ts') },
  logLevel: 'warning',
});
const script = result.outputFiles[0]!.text.replaceAll('</script', '<\\/script');
const page = readFileSync(join(ROOT, 'src/browser/page.html'), 'utf8').replace('/*VERIFIER*/', () => script);
writeFileSync(join(ROOT, 'dist/verify.html'), page);
console.log(`dist/verify.html: ${(Buffer.byteLength(page) / 1024).toFixed(0)} KiB`);
