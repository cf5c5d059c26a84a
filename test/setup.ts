// Every temporary folder a test file made (helpers.tmp) is removed when the file is done.
import { afterAll } from 'vitest';
import { removeTmpDirs } from './helpers.js';

afterAll(() => removeTmpDirs());
