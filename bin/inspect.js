#!/usr/bin/env -S node --expose-gc
import { main } from '../dist/cli/main.js';

// `inspect … | head`: the reader left; end quietly with the code so far.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv);
