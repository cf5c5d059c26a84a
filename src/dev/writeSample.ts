// npm run sample: regenerates data/*.csv (2,000 objects; see sampleFiles.ts for the encodings).
import { writeSampleFiles } from './sampleFiles.js';

const dir = process.argv[2] ?? 'data';
writeSampleFiles(dir, 2000, { gb18030Objects: true, historyYear: 2026 });
console.log(`sample data written to ${dir}`);
