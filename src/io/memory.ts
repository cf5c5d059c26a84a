// A full garbage collection, asked for at the two points of a recording draw where it pays: just before
// SQLite is handed the draw's largest values (it copies each of them twice: at 2,000,000 objects the frame
// alone is 50 MB, at 10,000,000 250 MB), and just after they are written and let go. V8 collects when it
// sees fit, usually later, with the garbage of planning and matching still counted in the process's
// memory; collected first, the 2,000,000-object draw peaked at about 470 MB instead of 560-620 MB.
//
// Node exposes gc() only under --expose-gc, which a user's `inspect` command line does not carry; the
// flag set at run time exposes it to a new context, which is where it is taken from. If that ever fails,
// nothing is collected early and the draw is as it was (only its peak is higher).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found = runInNewContext('gc') as unknown;
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
