// Exports: task lists, notices, bundles, the verifier page.
import type { Catalogue } from './messageTypes.js';

export const exportMessages = {
  T_BUNDLE_OF_DRAW_WRITTEN: { zh: '已导出抽取 {id} 的复核包到 {dir}', en: 'Bundle of draw {id} written to {dir}' },
} as const satisfies Catalogue;
