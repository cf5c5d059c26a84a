// Runs one CLI invocation and reports its peak resident memory, so the benchmark measures the real
// command in its own process (argv after this script = the CLI's arguments).
import { writeFileSync } from 'node:fs';
import { main } from '../cli/main.js';

process.exitCode = await main(['node', 'inspect', ...process.argv.slice(2)]);
if (process.env.BENCH_RSS_FILE)
  writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
