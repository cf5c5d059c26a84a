// Where the package's own files are, wherever it is installed.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = resolve(PACKAGE_ROOT, 'data');
/** The auditor's page, built by `npm run build` (src/dev/buildVerifier.ts). */
export const VERIFIER_HTML = resolve(PACKAGE_ROOT, 'dist/verify.html');
/** The published algorithms, copied into every bundle. */
export const ALGORITHM_DOC = resolve(PACKAGE_ROOT, 'docs/algorithm.md');
/** Its Chinese text (算法说明.md in a bundle), section by section. */
export const ALGORITHM_DOC_ZH = resolve(PACKAGE_ROOT, 'docs/algorithm.zh-CN.md');
