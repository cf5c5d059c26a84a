// A full garbage collection, asked for at the two points of a recording draw where it pays: just before
// SQLite is handed the draw's largest values (it copies each of them twice: at 2,000,000 objects the frame
// alone is 50 MB, at 10,000,000 250 MB), and just after they are written and let go. V8 collects when it
// sees fit, usually later, with the garbage of planning and matching still counted in the process's
// memory; collected first, the 2,000,000-object draw peaked at about 470 MB instead of 560-620 MB.
//
// gc() exists only when Node was started with --expose-gc: `inspect` (bin/inspect.js) starts it so from
// its first line. Node documents setting V8 flags after start-up as unsupported, so nothing here tries;
// run any other way (`node bin/inspect.js`), nothing is collected early and the draw is as it was, only
// its peak higher (docs/performance.md).
const gc = (globalThis as { gc?: () => void }).gc;

export function collectGarbage(): void {
  gc?.();
}
