namespace Northstar.Storage.Sqlite.Schema;

/// <summary>
/// The schema as an ordered list of steps; the file records how many it has applied in
/// <c>PRAGMA user_version</c>. Steps are append-only: a released step never changes, a new
/// schema change is a new step at the end.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>Every step, oldest first; step <c>i</c> brings the file to version <c>i + 1</c>.</summary>
    public static IReadOnlyList<string> Steps { get; } = [V1, V2, V3, V4, V5, V6];

    // Conventions (documented on IFactStore): timestamps INTEGER unix microseconds UTC, dates
    // TEXT yyyy-MM-dd, decimals TEXT (exact), enums TEXT snake_case, properties TEXT JSON or NULL.
    // `batch` is the write session that last wrote the row (in-session conflict detection).
    // Events are stored in segments: up to 4096 events encoded into one blob (Events/EventSegment,
    // written once), and `events` is only the key table: 63-bit key hash -> (workspace, id,
    // position = segment << 12 | slot). A write then costs SQLite one narrow rowid-table insert
    // per event instead of a 23-column row plus a unique index entry, and about half the bytes
    // (every byte is written twice: to the WAL, then by the checkpoint). An update appends the
    // new version to a new segment, moves the key and marks the old slot in the old segment's
    // `dead` bitmap; `live`, `min_time` and `max_time` cover live events only (exact summaries).
    // Measured (10M narrow events, bench import, 2-core shared machine, back to back): one row
    // per event with a unique index on the key hash 30.1-32.5 s CPU, 1308 MB; segments 26.7-30.0 s
    // CPU, 721 MB, and the writer thread no longer the bottleneck (~28 s -> ~10 s CPU). Wall time
    // is within the machine's noise (medians 372k vs 362k rows/s); see the README (Speed).
    // Tried before: the key hash as the rowid of the wide row (every insert lands in a random
    // page of the whole table: 2M events 356k rows/s, 6M 215k); an index on
    // events(workspace_id, timestamp) (a quarter of the insert rate). Time-range metrics should
    // read daily rollups.
    // Derived views (Views/*, maintained by the write session in the same transaction):
    // event_dims (distinct dimension tuples by hash id), event_rollup (day = local DateOnly.DayNumber, one BLOB of tuple entries a day), actor_days (sorted actor hashes with counts),
    // actor_firsts (FirstKind as integer), identities; workspaces.data_version = last commit's batch.
    private const string V1 = """
        CREATE TABLE store_state(
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_batch INTEGER NOT NULL);
        INSERT INTO store_state(id, last_batch) VALUES (1, 0);

        CREATE TABLE workspaces(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            time_zone TEXT NOT NULL,
            data_version INTEGER NOT NULL DEFAULT 0);

        CREATE TABLE channel_rules(
            workspace_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            channel TEXT NOT NULL,
            source TEXT, medium TEXT, campaign TEXT,
            PRIMARY KEY (workspace_id, position));

        CREATE TABLE workspace_settings(
            workspace_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (workspace_id, key));

        CREATE TABLE custom_kpis(
            workspace_id INTEGER NOT NULL,
            id TEXT NOT NULL,
            name TEXT NOT NULL, unit TEXT NOT NULL, direction TEXT NOT NULL,
            definition TEXT NOT NULL, formula TEXT NOT NULL,
            PRIMARY KEY (workspace_id, id));

        CREATE TABLE events(
            key_hash INTEGER PRIMARY KEY,
            workspace_id INTEGER NOT NULL,
            id TEXT NOT NULL,
            at INTEGER NOT NULL);

        CREATE TABLE event_segments(
            id INTEGER PRIMARY KEY,
            workspace_id INTEGER NOT NULL,
            batch INTEGER NOT NULL,
            live INTEGER NOT NULL,
            min_time INTEGER,
            max_time INTEGER,
            dead BLOB,
            data BLOB NOT NULL);

        CREATE TABLE contacts(
            workspace_id INTEGER NOT NULL, batch INTEGER NOT NULL,
            contact_id TEXT NOT NULL,
            created_at INTEGER, account_id TEXT, segment TEXT, icp_fit INTEGER,
            source TEXT, medium TEXT, campaign TEXT, channel TEXT, owner TEXT,
            properties TEXT,
            UNIQUE (workspace_id, contact_id));

        CREATE TABLE stages(
            workspace_id INTEGER NOT NULL, batch INTEGER NOT NULL,
            contact_id TEXT NOT NULL, stage TEXT NOT NULL,
            entered_at INTEGER NOT NULL,
            properties TEXT,
            UNIQUE (workspace_id, contact_id, stage));

        CREATE TABLE accounts(
            workspace_id INTEGER NOT NULL, batch INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            name TEXT, segment TEXT, industry TEXT, created_at INTEGER,
            properties TEXT,
            UNIQUE (workspace_id, account_id));

        CREATE TABLE deals(
            workspace_id INTEGER NOT NULL, batch INTEGER NOT NULL,
            deal_id TEXT NOT NULL,
            contact_id TEXT, account_id TEXT,
            created_at INTEGER NOT NULL, closed_at INTEGER,
            status TEXT NOT NULL, amount TEXT, list_amount TEXT, type TEXT NOT NULL, source TEXT,
            properties TEXT,
            UNIQUE (workspace_id, deal_id));

        CREATE TABLE spend(
            workspace_id INTEGER NOT NULL, batch INTEGER NOT NULL,
            date TEXT NOT NULL, channel TEXT NOT NULL, campaign TEXT NOT NULL, kind TEXT NOT NULL,
            amount TEXT NOT NULL, impressions INTEGER, clicks INTEGER,
            properties TEXT,
            UNIQUE (workspace_id, date, channel, campaign, kind));

        CREATE TABLE subscriptions(
            workspace_id INTEGER NOT NULL, batch INTEGER NOT NULL,
            subscription_id TEXT NOT NULL,
            account_id TEXT, started_at INTEGER NOT NULL, ended_at INTEGER,
            mrr TEXT NOT NULL, renewal_due_at INTEGER, renewed INTEGER,
            properties TEXT,
            UNIQUE (workspace_id, subscription_id));

        CREATE TABLE surveys(
            workspace_id INTEGER NOT NULL, batch INTEGER NOT NULL,
            response_id TEXT NOT NULL,
            answered_at INTEGER NOT NULL, contact_id TEXT, account_id TEXT,
            score INTEGER NOT NULL, comment TEXT,
            properties TEXT,
            UNIQUE (workspace_id, response_id));

        CREATE TABLE series(
            workspace_id INTEGER NOT NULL, batch INTEGER NOT NULL,
            date TEXT NOT NULL, metric TEXT NOT NULL, dimension TEXT NOT NULL,
            value REAL NOT NULL,
            properties TEXT,
            UNIQUE (workspace_id, date, metric, dimension));

        CREATE TABLE activities(
            workspace_id INTEGER NOT NULL, batch INTEGER NOT NULL,
            activity_id TEXT NOT NULL,
            timestamp INTEGER NOT NULL, contact_id TEXT, account_id TEXT,
            kind TEXT NOT NULL, asset TEXT, owner TEXT,
            properties TEXT,
            UNIQUE (workspace_id, activity_id));

        CREATE TABLE event_dims(
            workspace_id INTEGER NOT NULL, id INTEGER NOT NULL,
            channel TEXT, source TEXT, medium TEXT, campaign TEXT, landing_page TEXT, page TEXT,
            cta TEXT, form TEXT, field TEXT, variant TEXT, asset TEXT,
            PRIMARY KEY (workspace_id, id)) WITHOUT ROWID;

        CREATE TABLE event_rollup(
            workspace_id INTEGER NOT NULL, type TEXT NOT NULL, day INTEGER NOT NULL,
            entries BLOB NOT NULL,
            PRIMARY KEY (workspace_id, type, day)) WITHOUT ROWID;

        CREATE TABLE actor_days(
            workspace_id INTEGER NOT NULL, type TEXT NOT NULL, day INTEGER NOT NULL,
            actors BLOB NOT NULL,
            PRIMARY KEY (workspace_id, type, day)) WITHOUT ROWID;

        CREATE TABLE actor_firsts(
            workspace_id INTEGER NOT NULL, kind INTEGER NOT NULL, is_contact INTEGER NOT NULL, actor_id TEXT NOT NULL,
            timestamp INTEGER NOT NULL, event_id TEXT NOT NULL, dims_id INTEGER NOT NULL,
            PRIMARY KEY (workspace_id, kind, is_contact, actor_id)) WITHOUT ROWID;

        CREATE TABLE identities(
            workspace_id INTEGER NOT NULL, anonymous_id TEXT NOT NULL, contact_id TEXT NOT NULL,
            linked_at INTEGER NOT NULL, event_id TEXT NOT NULL,
            PRIMARY KEY (workspace_id, anonymous_id)) WITHOUT ROWID;
        """;

    // Stored contact lifecycles (Lifecycles/*): one blob per contact, reassembled at commit for the
    // contacts a write session touched, so a cold read scans one table. A workspace from before this
    // step is marked stale: reads assemble as before until its next write session rebuilds them.
    // identities_by_contact: the partial reassembly reads a contact's linked anonymous ids.
    // goals: the workspace's SMART goals (Goals/IGoalStore), sub-metrics and month weights as JSON.
    private const string V2 = """
        CREATE TABLE IF NOT EXISTS goals(
            workspace_id INTEGER NOT NULL,
            id TEXT NOT NULL,
            kpi TEXT NOT NULL, target REAL NOT NULL, period TEXT NOT NULL,
            owner TEXT, description TEXT, business_goal TEXT, parent_id TEXT,
            sub_metrics TEXT NOT NULL, month_weights TEXT,
            PRIMARY KEY (workspace_id, id));
        CREATE TABLE contact_lifecycles(
            workspace_id INTEGER NOT NULL, contact_id TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (workspace_id, contact_id)) WITHOUT ROWID;
        ALTER TABLE workspaces ADD COLUMN lifecycles_stale INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX identities_by_contact ON identities(workspace_id, contact_id);
        """;

    // The stage rollup (Lifecycles/StageRollupTable): contacts reaching each lifecycle moment
    // (moment = ContactMoment: the Stage number, 9 first known) per local day (DayNumber) and
    // contact values, keyed by a 64-bit hash of the values; kept with contact_lifecycles at
    // commit, so counting leads by month does not read every lifecycle. stage_counts: the same
    // summed per day and value of one dimension (dimension = 1 + its place in ContactDims.Names,
    // 0 the total; value '' when none), what a count by one dimension without filters reads. A file from before this
    // step is marked stale and rebuilt from its stored lifecycles when opened.
    private const string V3 = """
        CREATE TABLE stage_rollup(
            workspace_id INTEGER NOT NULL, moment INTEGER NOT NULL, day INTEGER NOT NULL, dims_hash INTEGER NOT NULL,
            channel TEXT, source TEXT, medium TEXT, campaign TEXT, landing_page TEXT, segment TEXT, owner TEXT, icp_fit INTEGER,
            count INTEGER NOT NULL,
            PRIMARY KEY (workspace_id, moment, day, dims_hash)) WITHOUT ROWID;
        CREATE TABLE stage_counts(
            workspace_id INTEGER NOT NULL, moment INTEGER NOT NULL, dimension INTEGER NOT NULL, day INTEGER NOT NULL, value TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (workspace_id, moment, dimension, day, value)) WITHOUT ROWID;
        ALTER TABLE workspaces ADD COLUMN stages_stale INTEGER NOT NULL DEFAULT 1;
        """;

    // The server's tables. users: login names unique case-insensitively, password_hash in ASP.NET
    // Core Identity's format (never a password). memberships: role TEXT snake_case (WorkspaceRole).
    // api_tokens: only the SHA-256 hash (hex) of the secret; prefix = its first characters, shown
    // to tell tokens apart. write_keys: kept as is (a tracking snippet carries them), revoked_at
    // set when revoked. imports: one row per CSV import (CLI or upload) with its bad-row report as
    // JSON (errors, capped), what the dashboard's Data page lists.
    private const string V4 = """
        CREATE TABLE users(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE,
            password_hash TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE TABLE memberships(
            user_id INTEGER NOT NULL, workspace_id INTEGER NOT NULL, role TEXT NOT NULL,
            PRIMARY KEY (user_id, workspace_id)) WITHOUT ROWID;
        CREATE INDEX memberships_by_workspace ON memberships(workspace_id, user_id);
        CREATE TABLE api_tokens(
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL, workspace_id INTEGER NOT NULL,
            name TEXT NOT NULL, prefix TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE TABLE write_keys(
            id INTEGER PRIMARY KEY,
            workspace_id INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL, revoked_at INTEGER);
        CREATE TABLE imports(
            id INTEGER PRIMARY KEY,
            workspace_id INTEGER NOT NULL, kind TEXT NOT NULL, file_name TEXT NOT NULL, user_name TEXT,
            started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL,
            rows_read INTEGER NOT NULL, rows_imported INTEGER NOT NULL, rows_rejected INTEGER NOT NULL,
            outcome TEXT NOT NULL, errors TEXT);
        CREATE INDEX imports_by_workspace ON imports(workspace_id, id);
        """;

    // The stage times (Lifecycles/StageTimesTable): the lifecycles that entered a stage, packed by
    // a hash of the contact id into 1024 blobs per workspace (bucket; entries: how many are in it), their values numbered in
    // stage_time_values; kept with the stage rollup, what cohort rates and stage velocities read
    // instead of every lifecycle. Every workspace's stage rollup is marked stale, so a file from
    // before this step fills the new tables from its stored lifecycles when opened.
    private const string V5 = """
        -- stage_times entries are keyed by the contact's actor hash (StageTimes.HashOf).
        CREATE TABLE stage_times(
            workspace_id INTEGER NOT NULL, bucket INTEGER NOT NULL, entries INTEGER NOT NULL, data BLOB NOT NULL,
            PRIMARY KEY (workspace_id, bucket)) WITHOUT ROWID;
        CREATE TABLE stage_time_values(
            workspace_id INTEGER NOT NULL, id INTEGER NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (workspace_id, id)) WITHOUT ROWID;
        UPDATE workspaces SET stages_stale = 1;
        """;

    // The per-day blob views as rowid tables with a unique key instead of WITHOUT ROWID: the file's
    // pages are 64 KiB, and a WITHOUT ROWID table (an index b-tree) keeps at most about 16 KB of a
    // row in its page, spilling the rest of a day's blob into an overflow page of its own, and
    // fills its pages loosely as the blobs are rewritten; a rowid table keeps a blob of up to about
    // 64 KB in the page, several to a page. A 2M-event import held 10.2 MB of actor_days blobs in
    // 37 MB of pages. Measured (10M narrow events, bench import, three interleaved pairs): the file
    // 1029 -> 855 MB, 390k-421k -> 423k-432k rows/s, 35.4-38.1 -> 34.6-35.8 s CPU (every page is
    // written twice, to the WAL and by the checkpoint).
    private const string V6 = """
        CREATE TABLE event_rollup_v6(
            workspace_id INTEGER NOT NULL, type TEXT NOT NULL, day INTEGER NOT NULL,
            entries BLOB NOT NULL,
            UNIQUE (workspace_id, type, day));
        INSERT INTO event_rollup_v6(workspace_id, type, day, entries) SELECT workspace_id, type, day, entries FROM event_rollup;
        DROP TABLE event_rollup;
        ALTER TABLE event_rollup_v6 RENAME TO event_rollup;

        CREATE TABLE actor_days_v6(
            workspace_id INTEGER NOT NULL, type TEXT NOT NULL, day INTEGER NOT NULL,
            actors BLOB NOT NULL,
            UNIQUE (workspace_id, type, day));
        INSERT INTO actor_days_v6(workspace_id, type, day, actors) SELECT workspace_id, type, day, actors FROM actor_days;
        DROP TABLE actor_days;
        ALTER TABLE actor_days_v6 RENAME TO actor_days;
        """;
}
