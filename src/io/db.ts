// Opening the database: pragmas, schema migrations by PRAGMA user_version (each in a transaction), and the
// mapping of SQLITE_BUSY to exit 75. Every table a draw must reproduce from is append-only or versioned.
import { env } from './processIo.js';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Exit, InspectError } from '../core/errors.js';
import { SCHEMAS, type RosterKind } from '../core/rosters.js';
import { clockOverride, clockOverrideRequested, refuseClockOverride } from './clock.js';
import { guardDatabase } from './outputGuard.js';

export type Db = Database.Database;

export function busyTimeoutMs(): number {
  const v = Number(env().INSPECT_BUSY_TIMEOUT_MS);
  return Number.isFinite(v) && v >= 0 ? v : 5000;
}

const q = (id: string) => `"${id}"`;
export const dataColumns = (kind: RosterKind) => SCHEMAS[kind].columns.map((c) => c.key);

function rosterTableSql(kind: Exclude<RosterKind, 'history'>): string {
  const cols = dataColumns(kind);
  const key = SCHEMAS[kind].key[0]!;
  const differ = cols.map((c) => `old.${q(c)} IS NOT new.${q(c)}`).join(' OR ');
  const json = cols.map((c) => `'${c}', old.${q(c)}`).join(', ');
  return `
    CREATE TABLE ${kind} (
      ${cols.map((c) => `${q(c)} TEXT NOT NULL DEFAULT ''`).join(',\n      ')},
      in_roster INTEGER NOT NULL DEFAULT 1,   -- listed in the latest import of this roster
      src_row INTEGER NOT NULL DEFAULT 0,     -- its row in that import's file
      import_id INTEGER NOT NULL,             -- the import that last changed its data
      seen_import INTEGER NOT NULL,           -- the latest import that listed it
      PRIMARY KEY (${q(key)})
    ) WITHOUT ROWID;
    -- A row's data is never lost: the version it replaces is kept.
    CREATE TRIGGER ${kind}_keep_version BEFORE UPDATE ON ${kind} WHEN ${differ}
    BEGIN
      INSERT INTO roster_versions (kind, key, data, import_id, replaced_by)
      VALUES ('${kind}', old.${q(key)}, json_object(${json}), old.import_id, new.import_id);
    END;
    CREATE TRIGGER ${kind}_no_delete BEFORE DELETE ON ${kind}
    BEGIN SELECT RAISE(ABORT, 'roster rows are never deleted'); END;`;
}

const DRAW_COLUMNS =
  'id, year, lead_department, departments, items, categories, seed, input_digest, seed_hex, frame, assign_input, record, record_sha256, window_start, window_end, regions, cross_region, supersedes, reason, created_at, operator';

export const MIGRATIONS: readonly string[] = [
  // 1: rosters, imports, event log
  `
  CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    encoding TEXT NOT NULL,
    rows_read INTEGER NOT NULL,
    rows_imported INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    rows_retired INTEGER NOT NULL,
    allowed_codes TEXT NOT NULL DEFAULT '[]',
    roster_sha256 TEXT NOT NULL DEFAULT '',   -- digest of the whole roster table after this import
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  CREATE TABLE roster_versions (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    data TEXT NOT NULL,
    import_id INTEGER NOT NULL,
    replaced_by INTEGER NOT NULL
  );
  CREATE INDEX roster_versions_key ON roster_versions (kind, key);
  ${(['objects', 'inspectors', 'items', 'departments'] as const).map(rosterTableSql).join('\n')}
  CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    ${dataColumns('history')
      .map((c) => `${q(c)} TEXT NOT NULL DEFAULT ''`)
      .join(',\n    ')},
    import_id INTEGER NOT NULL,
    src_row INTEGER NOT NULL,
    UNIQUE (credit_code, date, category, item_code, department)
  );
  CREATE INDEX history_code ON history (credit_code);
  CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
  CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    payload_sha256 TEXT NOT NULL,
    ref TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); ` +
    `END;
  CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); ` +
    `END;
  `,
  // 2: draws. A draw stands once made: rows are never updated or deleted. A draw is superseded by a
  // later draw naming it (draws.supersedes), so its status is derived, never edited.
  `
  CREATE TABLE draws (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    lead_department TEXT NOT NULL,
    departments TEXT NOT NULL,      -- JSON array, lead first
    items TEXT NOT NULL,            -- JSON array of item codes
    categories TEXT NOT NULL,       -- JSON array
    seed TEXT NOT NULL,
    input_digest TEXT NOT NULL,
    seed_hex TEXT NOT NULL,
    frame BLOB NOT NULL,            -- the canonical frame bytes (frame.json)
    assign_input BLOB NOT NULL,     -- the canonical matching input (inspectors.json)
    record TEXT NOT NULL,           -- the canonical record (record.json)
    record_sha256 TEXT NOT NULL,
    window_start TEXT NOT NULL,
    window_end TEXT NOT NULL,
    regions TEXT NOT NULL DEFAULT '[]',
    cross_region INTEGER NOT NULL DEFAULT 0,
    supersedes TEXT REFERENCES draws (id),
    reason TEXT,
    created_at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  CREATE UNIQUE INDEX draws_supersedes ON draws (supersedes) WHERE supersedes IS NOT NULL;
  CREATE INDEX draws_year ON draws (year, lead_department);
  -- The object rows the draw read (canonical JSON, deflated); record.rosterDigest is its SHA-256.
  CREATE TABLE draw_snapshots (
    draw_id TEXT PRIMARY KEY REFERENCES draws (id),
    objects BLOB NOT NULL
  );
  CREATE TABLE draw_selections (
    draw_id TEXT NOT NULL REFERENCES draws (id),
    object_id TEXT NOT NULL,
    stratum TEXT NOT NULL,
    rank INTEGER NOT NULL,
    ticket TEXT NOT NULL,
    position INTEGER NOT NULL,      -- order in the record's selected list
    PRIMARY KEY (draw_id, object_id)
  ) WITHOUT ROWID;
  CREATE INDEX draw_selections_object ON draw_selections (object_id);
  CREATE TABLE draw_assignments (
    draw_id TEXT NOT NULL REFERENCES draws (id),
    object_id TEXT NOT NULL,
    seat INTEGER NOT NULL,          -- 1 = team leader
    inspector_id TEXT NOT NULL,
    PRIMARY KEY (draw_id, object_id, seat)
  ) WITHOUT ROWID;
  ${['draws', 'draw_selections', 'draw_assignments', 'draw_snapshots']
    .map(
      (t) =>
        `
  CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, 'a recorded draw is never changed'); ` +
        `END;
  CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'a recorded draw is never deleted'); ` +
        `END;`,
    )
    .join('')}
  `,
  // 3: results (一公开) and publications. A result is never overwritten: re-entering one appends a row,
  // and the latest row per (draw, object) is the current result. Publication marks are append-only.
  `
  CREATE TABLE results (
    seq INTEGER PRIMARY KEY,
    draw_id TEXT NOT NULL REFERENCES draws (id),
    object_id TEXT NOT NULL,
    completed_on TEXT NOT NULL,
    result_code TEXT NOT NULL,
    follow_up TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',   -- internal: never published
    import_id INTEGER NOT NULL,
    src_row INTEGER NOT NULL,
    entered_at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  CREATE INDEX results_key ON results (draw_id, object_id, seq);
  CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    draw_id TEXT NOT NULL REFERENCES draws (id),
    kind TEXT NOT NULL,               -- task | result
    published_on TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  CREATE TABLE published_results (
    publication_id INTEGER NOT NULL REFERENCES publications (id),
    result_seq INTEGER NOT NULL REFERENCES results (seq),
    PRIMARY KEY (publication_id, result_seq)
  ) WITHOUT ROWID;
  CREATE INDEX published_results_seq ON published_results (result_seq);
  ${['results', 'publications', 'published_results']
    .map(
      (t) => `
  CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} are append-only'); END;
  CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} are append-only'); END;`,
    )
    .join('')}
  CREATE VIEW current_results AS
    SELECT r.*, (SELECT min(p.published_on) FROM published_results pr JOIN publications p ON p.id = ` +
    `pr.publication_id WHERE pr.result_seq = r.seq) AS published_on
    FROM results r WHERE r.seq = (SELECT max(seq) FROM results x WHERE x.draw_id = r.draw_id AND x.object_id = ` +
    `r.object_id);
  `,
  // 4: committed draws (inspect-commit/1). `draws.supersedes` may now name a pending commitment, which
  // is not a draw row, so the table is rebuilt without that foreign key (SQLite cannot drop one). The
  // commitment, its frozen inputs and its reveal are append-only like a draw.
  `
  DROP TRIGGER draws_no_update;
  DROP TRIGGER draws_no_delete;
  CREATE TABLE draws_v4 (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    lead_department TEXT NOT NULL,
    departments TEXT NOT NULL,
    items TEXT NOT NULL,
    categories TEXT NOT NULL,
    seed TEXT NOT NULL,
    input_digest TEXT NOT NULL,
    seed_hex TEXT NOT NULL,
    frame BLOB NOT NULL,
    assign_input BLOB NOT NULL,
    record TEXT NOT NULL,
    record_sha256 TEXT NOT NULL,
    window_start TEXT NOT NULL,
    window_end TEXT NOT NULL,
    regions TEXT NOT NULL DEFAULT '[]',
    cross_region INTEGER NOT NULL DEFAULT 0,
    supersedes TEXT,                -- a draw or a commitment this draw voids
    reason TEXT,
    created_at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  INSERT INTO draws_v4 (${DRAW_COLUMNS}) SELECT ${DRAW_COLUMNS} FROM draws;
  DROP TABLE draws;
  ALTER TABLE draws_v4 RENAME TO draws;
  CREATE UNIQUE INDEX draws_supersedes ON draws (supersedes) WHERE supersedes IS NOT NULL;
  CREATE INDEX draws_year ON draws (year, lead_department);
  CREATE TABLE commitments (
    draw_id TEXT PRIMARY KEY,       -- the draw id allotted at commit; the revealed draw has the same id
    year INTEGER NOT NULL,
    lead_department TEXT NOT NULL,
    categories TEXT NOT NULL,       -- JSON array
    regions TEXT NOT NULL,          -- JSON array
    cross_region INTEGER NOT NULL,
    commitment TEXT NOT NULL,       -- canonical commitment.json
    commit_digest TEXT NOT NULL,
    frame BLOB NOT NULL,            -- frozen frame.json
    assign_input BLOB NOT NULL,     -- frozen inspectors.json (every frame object)
    snapshot BLOB NOT NULL,         -- the object rows the plan read (deflated), as for a draw
    roster_digest TEXT NOT NULL,
    supersedes TEXT,
    reason TEXT,
    clock_overridden INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  CREATE UNIQUE INDEX commitments_supersedes ON commitments (supersedes) WHERE supersedes IS NOT NULL;
  CREATE INDEX commitments_year ON commitments (year, lead_department);
  CREATE TABLE reveals (
    draw_id TEXT PRIMARY KEY REFERENCES commitments (draw_id),
    beacons TEXT NOT NULL,          -- canonical beacons.json
    at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  ${['draws', 'commitments', 'reveals']
    .map(
      (t) =>
        `
  CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, 'a recorded draw is never changed'); ` +
        `END;
  CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'a recorded draw is never deleted'); ` +
        `END;`,
    )
    .join('')}
  -- Who voids whom: a draw or a commitment may supersede a draw or a pending commitment. A revealed
  -- commitment appears in both tables with the same row, which UNION folds into one.
  CREATE VIEW supersessions AS
    SELECT supersedes AS superseded, id AS by_id, reason FROM draws WHERE supersedes IS NOT NULL
    UNION SELECT supersedes, draw_id, reason FROM commitments WHERE supersedes IS NOT NULL;
  `,
  // 5: every log entry hashes the rows it wrote (events.rows_sha256), and each roster import records the
  // digest of the whole table it left, every column (imports.table_sha256), so `audit` covers every
  // stored cell. Imports and kept versions become append-only like the rest.
  `
  ALTER TABLE events ADD COLUMN rows_sha256 TEXT NOT NULL DEFAULT '';
  ALTER TABLE imports ADD COLUMN table_sha256 TEXT NOT NULL DEFAULT '';
  -- What an import wrote is found by its id when its entry is hashed (and again by audit): no full scans.
  CREATE INDEX roster_versions_replaced ON roster_versions (replaced_by);
  CREATE INDEX history_import ON history (import_id);
  CREATE INDEX results_import ON results (import_id);
  CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports BEGIN SELECT RAISE(ABORT, 'imports are never deleted'); END;
  CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports WHEN EXISTS (SELECT 1 FROM events WHERE ref = 'imports:' ` +
    `|| old.id)
  BEGIN SELECT RAISE(ABORT, 'a recorded import is never changed'); END;
  CREATE TRIGGER roster_versions_no_update BEFORE UPDATE ON roster_versions BEGIN SELECT RAISE(ABORT, 'kept versions ` +
    `are never changed'); END;
  CREATE TRIGGER roster_versions_no_delete BEFORE DELETE ON roster_versions BEGIN SELECT RAISE(ABORT, 'kept versions ` +
    `are never deleted'); END;
  `,
  // 6: each log entry also keeps its summary as a message (key and values, canonical JSON), hashed into
  // the chain, so `inspect log` can show it in the reader's language. The English summary stays.
  `
  ALTER TABLE events ADD COLUMN summary_msg TEXT NOT NULL DEFAULT '';
  `,
  // 7: the office's rules (settings), fixed in the database and changed only through the log, so no
  // --policy file can lower them; and the canonical policy each draw and commitment used. A practice
  // database says so in its first setting (key 'practice'), written by inspect init --practice.
  `
  CREATE TABLE settings (
    seq INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    value TEXT NOT NULL,            -- canonical JSON
    reason TEXT,
    at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  CREATE INDEX settings_key ON settings (key, seq);
  CREATE TABLE draw_policies (
    ref TEXT PRIMARY KEY,           -- draws:ID or commitments:ID
    policy TEXT NOT NULL,           -- canonical policy JSON
    policy_sha256 TEXT NOT NULL
  ) WITHOUT ROWID;
  ${['settings', 'draw_policies']
    .map(
      (t) =>
        `
  CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} are append-only'); END;
  CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} are append-only'); END;`,
    )
    .join('')}
  `,
  // 8: an outside clock (RFC 3161). The TSA roots the office trusts, each time-stamp request (a
  // commitment's digest or the log's head, with its nonce) and each token that answered one, all logged.
  `
  CREATE TABLE tsa_roots (
    seq INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    subject TEXT NOT NULL,
    der BLOB NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  CREATE TABLE timestamp_requests (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,             -- commitment | head
    target TEXT NOT NULL,           -- the draw id, or SEQ:HASH of the head
    imprint TEXT NOT NULL,          -- hex of the 32 bytes time-stamped
    nonce TEXT NOT NULL,
    at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  CREATE TABLE timestamp_tokens (
    seq INTEGER PRIMARY KEY,
    request_seq INTEGER NOT NULL UNIQUE REFERENCES timestamp_requests (seq),
    token BLOB NOT NULL,            -- the TimeStampToken (CMS ContentInfo), DER
    gen_time TEXT NOT NULL,
    accuracy_ms INTEGER NOT NULL,
    tsa TEXT NOT NULL,
    root_sha256 TEXT NOT NULL,
    at TEXT NOT NULL,
    operator TEXT NOT NULL
  );
  ${['tsa_roots', 'timestamp_requests', 'timestamp_tokens']
    .map(
      (t) =>
        `
  CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} are append-only'); END;
  CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} are append-only'); END;`,
    )
    .join('')}
  `, // 9: a commitment's frozen matching input in parts of a few megabytes (commitment_parts), written as it
  // is made and read back a part at a time: at 2,000,000 objects it is 80 MB of text, and past about nine
  // million objects one value would exceed SQLite's 1 GB limit. A commitment made so stores an empty
  // commitments.assign_input; one made before keeps its single value, read as it always was. A revealed
  // draw's own assign_input is then empty too: its matching input is its commitment's. The parts are
  // append-only and hashed into the commitment's log entry like its row.
  `
  CREATE TABLE commitment_parts (
    draw_id TEXT NOT NULL REFERENCES commitments (draw_id) DEFERRABLE INITIALLY DEFERRED,
    part INTEGER NOT NULL,          -- 0, 1, 2, … in the order of the text
    bytes BLOB NOT NULL,            -- a piece of the frozen inspectors.json (cut anywhere, even mid-character)
    PRIMARY KEY (draw_id, part)
  );
  CREATE TRIGGER commitment_parts_no_update BEFORE UPDATE ON commitment_parts
  BEGIN SELECT RAISE(ABORT, 'a recorded draw is never changed'); END;
  CREATE TRIGGER commitment_parts_no_delete BEFORE DELETE ON commitment_parts
  BEGIN SELECT RAISE(ABORT, 'a recorded draw is never deleted'); END;
  `,
];

/** Schema 3 read as 4: no commitments, and only draws supersede. Temporary: the file is not changed. */
const READ_ONLY_V4_SHIM =
  `
  CREATE TEMP TABLE commitments AS SELECT '' AS draw_id, 0 AS year, '' AS lead_department, '[]' AS categories, '[]' ` +
  `AS regions, 0 AS cross_region,
    '' AS commitment, '' AS commit_digest, x'' AS frame, x'' AS assign_input, x'' AS snapshot, '' AS roster_digest, ` +
  `NULL AS supersedes, NULL AS reason,
    0 AS clock_overridden, '' AS created_at, '' AS operator LIMIT 0;
  CREATE TEMP TABLE reveals AS SELECT '' AS draw_id, '' AS beacons, '' AS at, '' AS operator LIMIT 0;
  CREATE TEMP VIEW supersessions AS SELECT supersedes AS superseded, id AS by_id, reason FROM main.draws WHERE ` +
  `supersedes IS NOT NULL;
`;

/** Before schema 7: no settings and no stored policies, read as empty. */
const READ_ONLY_V7_SHIM = `
  CREATE TEMP TABLE settings AS SELECT 0 AS seq, '' AS key, '' AS value, NULL AS reason, '' AS at, '' AS operator LIMIT 0;
  CREATE TEMP TABLE draw_policies AS SELECT '' AS ref, '' AS policy, '' AS policy_sha256 LIMIT 0;
`;

/** Before schema 9: every commitment's matching input is its one assign_input value. */
const READ_ONLY_V9_SHIM = `
  CREATE TEMP TABLE commitment_parts AS SELECT '' AS draw_id, 0 AS part, x'' AS bytes LIMIT 0;
`;

/** Before schema 8: no trusted TSA roots, requests or tokens, read as empty. */
const READ_ONLY_V8_SHIM = `
  CREATE TEMP TABLE tsa_roots AS SELECT 0 AS seq, '' AS name, '' AS subject, x'' AS der, '' AS sha256, '' AS at, '' AS operator LIMIT 0;
  CREATE TEMP TABLE timestamp_requests AS SELECT 0 AS seq, '' AS kind, '' AS target, '' AS imprint, '' AS nonce, '' AS at, '' AS operator LIMIT 0;
  CREATE TEMP TABLE timestamp_tokens AS SELECT 0 AS seq, 0 AS request_seq, x'' AS token, '' AS gen_time, 0 AS accuracy_ms, '' AS tsa, '' AS root_sha256, '' AS at, '' AS operator LIMIT 0;
`;

export function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).includes(column);
}

export function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED';
}

export function busyError(path: string): InspectError {
  return new InspectError(Exit.busy, { key: 'E_DB_BUSY', params: { db: path, seconds: busyTimeoutMs() / 1000 } });
}

/** `PRAGMA application_id` of our files: 'INSP'. */
export const APPLICATION_ID = 0x494e5350;

type Ownership = 'ours' | 'empty' | 'foreign';

/**
 * Whose file this is, read before anything is written: our application id; or, from before the id was
 * set, our schema version and log table; or an empty file. Anything else belongs to another program.
 */
function ownership(db: Db): Ownership {
  const app = db.pragma('application_id', { simple: true }) as number;
  if (app === APPLICATION_ID) return 'ours';
  if (app !== 0) return 'foreign';
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  if (version === 0 && tables.length === 0) return 'empty';
  if (version < 1 || version > MIGRATIONS.length || !tables.includes('events') || !tables.includes('imports'))
    return 'foreign';
  return hasColumn(db, 'events', 'prev_hash') ? 'ours' : 'foreign';
}

/** Errors that are the disk's or the folder's, not ours: exit 74 with what to do. */
export function isIoError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return (
    /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|PERM)/.test(code) ||
    ['ENOSPC', 'EROFS', 'EIO', 'EDQUOT', 'EACCES', 'EPERM'].includes(code)
  );
}

export function ioError(path: string, e: unknown): InspectError {
  const code = (e as { code?: string }).code ?? '';
  // A spreadsheet that cannot be replaced or read is, nearly always, open in Excel (Windows locks it).
  if ((code === 'EBUSY' || code === 'EPERM') && /\.(csv|xlsx|xls)$/i.test(path))
    return new InspectError(Exit.ioErr, { key: 'E_FILE_IN_EXCEL', params: { file: path, detail: code } });
  const key = /FULL|ENOSPC|EDQUOT/.test(code)
    ? 'E_DISK_FULL'
    : /READONLY|EROFS|EACCES|EPERM|CANTOPEN/.test(code)
      ? 'E_READ_ONLY'
      : 'E_IO';
  return new InspectError(Exit.ioErr, { key, params: { file: path, detail: (e as Error).message } });
}

/**
 * A database in a read-only folder or mount (an archived copy): SQLite cannot create the WAL's shared
 * memory file there, so the file is read into memory as a rollback-journal database (header bytes 18–19
 * set to 1 in the copy only). Pending WAL content would be missing, so a non-empty -wal file is refused.
 */
function openInMemory(path: string): Db {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0)
    throw new InspectError(Exit.ioErr, { key: 'E_DB_WAL_PENDING', params: { db: path } });
  const bytes = readFileSync(path);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true });
}

/** Whether this is a practice database (its first setting says so); false before schema 7. */
export function isPracticeDb(db: Db): boolean {
  try {
    return (
      db.prepare(`SELECT value FROM settings WHERE key = 'practice' ORDER BY seq LIMIT 1`).pluck().get() === 'true'
    );
  } catch {
    return false;
  }
}

export function openDb(
  path: string,
  opts: { readonly?: boolean; mustExist?: boolean; practiceInit?: boolean } = {},
): Db {
  // Only an import or init creates a database; every other command on a missing file says so.
  const existed = existsSync(path);
  if (existed && statSync(path).isDirectory())
    throw new InspectError(Exit.noInput, { key: 'E_DB_IS_FOLDER', params: { db: path } });
  // Whatever this command writes, it is never this database or its companion files.
  guardDatabase(path);
  if ((opts.readonly || opts.mustExist) && !existed)
    throw new InspectError(Exit.noInput, { key: 'E_NO_DB', params: { db: path } });
  // INSPECT_NOW never creates a normal database: refused before the file exists.
  if (!existed && clockOverrideRequested() && !opts.practiceInit) refuseClockOverride(path);
  let db: Db;
  try {
    db = new Database(path, {
      timeout: busyTimeoutMs(),
      fileMustExist: opts.readonly ?? false,
      readonly: opts.readonly ?? false,
    });
    db.pragma('user_version'); // the file is opened lazily: fail here, not in the middle of a command
  } catch (e) {
    if (opts.readonly && isIoError(e)) {
      try {
        db = openInMemory(path);
      } catch (e2) {
        if (e2 instanceof InspectError) throw e2;
        throw new InspectError(Exit.noInput, { key: 'E_DB_OPEN', params: { db: path, detail: (e2 as Error).message } });
      }
    } else if (isIoError(e)) throw ioError(path, e);
    else throw new InspectError(Exit.noInput, { key: 'E_DB_OPEN', params: { db: path, detail: (e as Error).message } });
  }
  try {
    // Whose file is it? Decided before anything is written: another program's database is left as it is.
    const owner = ownership(db);
    if (owner === 'foreign' || (owner === 'empty' && (opts.readonly || opts.mustExist))) {
      throw new InspectError(Exit.data, { key: 'E_NOT_OURS', params: { db: path } });
    }
    // The clock belongs to the office: INSPECT_NOW only on a practice database, decided before any
    // migration or write.
    const practice = isPracticeDb(db);
    if (clockOverrideRequested() && !practice && !opts.practiceInit) refuseClockOverride(path);
    // A malformed INSPECT_NOW (`+99:99`) is a usage error whether or not this command reads the clock.
    if (clockOverrideRequested()) clockOverride();
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (!opts.readonly) migrate(db, path);
    else {
      const v = db.pragma('user_version', { simple: true }) as number;
      if (v > MIGRATIONS.length)
        throw new InspectError(Exit.data, {
          key: 'E_DB_NEWER',
          params: { db: path, found: v, supported: MIGRATIONS.length },
        });
      // A read-only file of an older schema (an archived copy) is read as it is: what later schemas
      // added is shown as empty, in temporary objects that never touch the file.
      if (v >= 3 && v < 4) db.exec(READ_ONLY_V4_SHIM);
      if (v < 7) db.exec(READ_ONLY_V7_SHIM);
      if (v < 8) db.exec(READ_ONLY_V8_SHIM);
      if (v < 9) db.exec(READ_ONLY_V9_SHIM);
      // Before schema 5 the log has no row digests and imports no table digests: read as empty.
    }
  } catch (e) {
    db.close();
    if (!existed && !opts.readonly) removeCreated(path);
    if (isBusy(e)) throw busyError(path);
    if (e instanceof InspectError) throw e;
    if (isIoError(e)) throw ioError(path, e);
    throw new InspectError(Exit.data, { key: 'E_DB_OPEN', params: { db: path, detail: (e as Error).message } });
  }
  return db;
}

/** A file this very call created and then refused: left as if the command had never run. */
function removeCreated(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
}

function migrate(db: Db, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new InspectError(Exit.data, {
      key: 'E_DB_NEWER',
      params: { db: path, found: current, supported: MIGRATIONS.length },
    });
  }
  if (current === MIGRATIONS.length) return;
  // Migration 4 rebuilds a table other tables refer to; foreign keys are off while it does (SQLite's
  // documented procedure) and checked before the commit.
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  try {
    // Re-read inside the write lock: another process may have migrated while we waited.
    const v = db.pragma('user_version', { simple: true }) as number;
    for (let i = v; i < MIGRATIONS.length; i++) db.exec(MIGRATIONS[i]!);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`migration left ${broken.length} broken references`);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * Runs fn inside BEGIN IMMEDIATE … COMMIT (all-or-nothing; fn may be async, which db.transaction()
 * cannot wrap). A second writer waits for the busy timeout and then gets exit 75.
 */
export async function writeTransaction<T>(db: Db, path: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (e) {
    if (isBusy(e)) throw busyError(path);
    if (isIoError(e)) throw ioError(path, e);
    throw e;
  }
  try {
    const result = await fn();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (isBusy(e)) throw busyError(path);
    // A full disk or a read-only file: the transaction is rolled back, the database is as it was.
    if (isIoError(e)) throw ioError(path, e);
    throw e;
  }
}
