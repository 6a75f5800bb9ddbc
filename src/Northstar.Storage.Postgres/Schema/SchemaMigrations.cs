namespace Northstar.Storage.Postgres.Schema;

/// <summary>
/// The schema, as numbered steps applied in order on open (<see cref="SchemaMigrator"/>); the
/// database records the last step applied in <c>schema_version</c>. A released step is never
/// edited: a change is a new step.
/// </summary>
/// <remarks>
/// Conventions: every fact table has the workspace id first in its primary key, then the
/// kind's natural key (IMPORT.md). Text is <c>COLLATE "C"</c> (ordinal order, what Core's
/// "earliest by timestamp, then by id" needs); timestamps <c>timestamptz</c> (microseconds);
/// money <c>numeric</c>; enums <c>smallint</c> by their value in Core; properties a
/// <c>text[]</c> of alternating names and values (NULL when none).
/// </remarks>
internal static class SchemaMigrations
{
    /// <summary>Step 1: workspaces, the ten fact tables, the derived views and the product's records.</summary>
    private const string V1 = """
        CREATE SEQUENCE data_versions;
        CREATE TABLE workspaces(
            id bigserial PRIMARY KEY,
            name text COLLATE "C" NOT NULL UNIQUE,
            time_zone text NOT NULL,
            data_version bigint NOT NULL DEFAULT 0);
        CREATE TABLE channel_rules(
            workspace_id bigint NOT NULL, position int NOT NULL,
            channel text NOT NULL, source text, medium text, campaign text,
            PRIMARY KEY (workspace_id, position));

        CREATE TABLE events(
            workspace_id bigint NOT NULL, id text COLLATE "C" NOT NULL, ts timestamptz NOT NULL, type smallint NOT NULL,
            anonymous_id text COLLATE "C", contact_id text COLLATE "C", session_id text,
            source text COLLATE "C", medium text COLLATE "C", campaign text COLLATE "C", channel text COLLATE "C",
            landing_page text COLLATE "C", page text COLLATE "C", referrer text, cta text COLLATE "C", form text COLLATE "C",
            field text COLLATE "C", variant text COLLATE "C", asset text COLLATE "C", value numeric, props text[],
            day date NOT NULL, actor bigint,
            PRIMARY KEY (workspace_id, id));
        CREATE TABLE contacts(
            workspace_id bigint NOT NULL, contact_id text COLLATE "C" NOT NULL, created_at timestamptz,
            account_id text COLLATE "C", segment text, icp_fit boolean, source text, medium text, campaign text,
            channel text, owner text, props text[],
            PRIMARY KEY (workspace_id, contact_id));
        CREATE TABLE stages(
            workspace_id bigint NOT NULL, contact_id text COLLATE "C" NOT NULL, stage smallint NOT NULL,
            entered_at timestamptz NOT NULL, props text[],
            PRIMARY KEY (workspace_id, contact_id, stage));
        CREATE TABLE accounts(
            workspace_id bigint NOT NULL, account_id text COLLATE "C" NOT NULL, name text, segment text,
            industry text, created_at timestamptz, props text[],
            PRIMARY KEY (workspace_id, account_id));
        CREATE TABLE deals(
            workspace_id bigint NOT NULL, deal_id text COLLATE "C" NOT NULL, contact_id text COLLATE "C",
            account_id text COLLATE "C", created_at timestamptz NOT NULL, closed_at timestamptz, status smallint NOT NULL,
            amount numeric, list_amount numeric, type smallint NOT NULL, source smallint, props text[],
            PRIMARY KEY (workspace_id, deal_id));
        CREATE TABLE spend(
            workspace_id bigint NOT NULL, date date NOT NULL, channel text COLLATE "C" NOT NULL,
            campaign text COLLATE "C" NOT NULL, kind smallint NOT NULL, amount numeric NOT NULL,
            impressions bigint, clicks bigint, props text[],
            PRIMARY KEY (workspace_id, date, channel, campaign, kind));
        CREATE TABLE subscriptions(
            workspace_id bigint NOT NULL, subscription_id text COLLATE "C" NOT NULL, account_id text COLLATE "C",
            started_at timestamptz NOT NULL, ended_at timestamptz, mrr numeric NOT NULL,
            renewal_due_at timestamptz, renewed boolean, props text[],
            PRIMARY KEY (workspace_id, subscription_id));
        CREATE TABLE surveys(
            workspace_id bigint NOT NULL, response_id text COLLATE "C" NOT NULL, answered_at timestamptz NOT NULL,
            contact_id text COLLATE "C", account_id text COLLATE "C", score int NOT NULL, comment text, props text[],
            PRIMARY KEY (workspace_id, response_id));
        CREATE TABLE series(
            workspace_id bigint NOT NULL, date date NOT NULL, metric text COLLATE "C" NOT NULL,
            dimension text COLLATE "C" NOT NULL, value double precision NOT NULL, props text[],
            PRIMARY KEY (workspace_id, date, metric, dimension));
        CREATE TABLE activities(
            workspace_id bigint NOT NULL, activity_id text COLLATE "C" NOT NULL, ts timestamptz NOT NULL,
            contact_id text COLLATE "C", account_id text COLLATE "C", kind smallint NOT NULL, asset text,
            owner text, props text[],
            PRIMARY KEY (workspace_id, activity_id));

        CREATE TABLE event_rollup(
            workspace_id bigint NOT NULL, day date NOT NULL, type smallint NOT NULL,
            channel text COLLATE "C", source text COLLATE "C", medium text COLLATE "C", campaign text COLLATE "C",
            landing_page text COLLATE "C", page text COLLATE "C", cta text COLLATE "C", form text COLLATE "C",
            field text COLLATE "C", variant text COLLATE "C", asset text COLLATE "C",
            count bigint NOT NULL, value numeric NOT NULL,
            UNIQUE NULLS NOT DISTINCT (workspace_id, day, type, channel, source, medium, campaign, landing_page, page, cta, form, field, variant, asset));
        CREATE TABLE actor_days(
            workspace_id bigint NOT NULL, type smallint NOT NULL, day date NOT NULL, actor bigint NOT NULL,
            PRIMARY KEY (workspace_id, type, day, actor));
        CREATE TABLE identities(
            workspace_id bigint NOT NULL, anonymous_id text COLLATE "C" NOT NULL, contact_id text COLLATE "C" NOT NULL,
            linked_at timestamptz NOT NULL, event_id text COLLATE "C" NOT NULL,
            PRIMARY KEY (workspace_id, anonymous_id));
        CREATE TABLE firsts(
            workspace_id bigint NOT NULL, kind smallint NOT NULL, is_contact boolean NOT NULL, actor_id text COLLATE "C" NOT NULL,
            event_id text COLLATE "C" NOT NULL, ts timestamptz NOT NULL,
            channel text, source text, medium text, campaign text, landing_page text,
            PRIMARY KEY (workspace_id, kind, is_contact, actor_id));

        CREATE TABLE workspace_settings(
            workspace_id bigint NOT NULL, key text NOT NULL, value text NOT NULL,
            PRIMARY KEY (workspace_id, key));
        CREATE TABLE custom_kpis(
            workspace_id bigint NOT NULL, id text COLLATE "C" NOT NULL,
            name text NOT NULL, unit text NOT NULL, direction text NOT NULL, definition text NOT NULL, formula text NOT NULL,
            PRIMARY KEY (workspace_id, id));
        CREATE TABLE goals(
            workspace_id bigint NOT NULL, id text COLLATE "C" NOT NULL,
            kpi text NOT NULL, target double precision NOT NULL, period text NOT NULL,
            owner text, description text, business_goal text, parent_id text,
            sub_metrics text[] NOT NULL, month_weights double precision[],
            PRIMARY KEY (workspace_id, id));
        CREATE TABLE users(
            id bigserial PRIMARY KEY, name text NOT NULL, password_hash text NOT NULL, created_at timestamptz NOT NULL);
        CREATE UNIQUE INDEX users_by_name ON users (lower(name));
        CREATE TABLE memberships(
            user_id bigint NOT NULL, workspace_id bigint NOT NULL, role text NOT NULL,
            PRIMARY KEY (user_id, workspace_id));
        CREATE INDEX memberships_by_workspace ON memberships(workspace_id, user_id);
        CREATE TABLE api_tokens(
            id bigserial PRIMARY KEY, user_id bigint NOT NULL, workspace_id bigint NOT NULL,
            name text COLLATE "C" NOT NULL, prefix text NOT NULL, secret_hash text NOT NULL UNIQUE, role text NOT NULL,
            created_at timestamptz NOT NULL);
        CREATE TABLE write_keys(
            id bigserial PRIMARY KEY, workspace_id bigint NOT NULL, name text NOT NULL, key text NOT NULL UNIQUE,
            created_at timestamptz NOT NULL, revoked_at timestamptz);
        CREATE TABLE imports(
            id bigserial PRIMARY KEY, workspace_id bigint NOT NULL, kind text NOT NULL, file_name text NOT NULL,
            user_name text, started_at timestamptz NOT NULL, finished_at timestamptz NOT NULL,
            rows_read bigint NOT NULL, rows_imported bigint NOT NULL, rows_rejected bigint NOT NULL,
            outcome text NOT NULL, errors jsonb);
        CREATE INDEX imports_by_workspace ON imports(workspace_id, id);
        """;

    /// <summary>
    /// Step 2: the stage rollup kept per data version (<see cref="Stages.KeptStageRollup"/>): its rows
    /// (<c>stage_rollup_kept</c>), their sums per dimension (<c>stage_counts_kept</c>, dimension 0 the
    /// total, 1.. the place in <c>ContactDims.Names</c>) and the marker of the versions whose rows are
    /// complete (<c>stage_kept_versions</c>). An existing database has no marker until the first
    /// reader or a large commit stores one.
    /// </summary>
    private const string V2 = """
        CREATE TABLE stage_kept_versions(
            workspace_id bigint NOT NULL, version bigint NOT NULL, rollup_rows bigint NOT NULL, stored_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (workspace_id, version));
        CREATE TABLE stage_rollup_kept(
            workspace_id bigint NOT NULL, version bigint NOT NULL, moment smallint NOT NULL, day date NOT NULL,
            channel text, source text, medium text, campaign text, landing_page text, segment text, owner text, icp_fit boolean,
            count bigint NOT NULL);
        CREATE INDEX stage_rollup_kept_by_moment ON stage_rollup_kept(workspace_id, version, moment, day);
        CREATE TABLE stage_counts_kept(
            workspace_id bigint NOT NULL, version bigint NOT NULL, moment smallint NOT NULL, dimension smallint NOT NULL,
            day date NOT NULL, value text COLLATE "C" NOT NULL, count bigint NOT NULL,
            PRIMARY KEY (workspace_id, version, moment, dimension, day, value));
        """;

    /// <summary>Every step, in order: step n (1-based) brings the database to version n.</summary>
    public static IReadOnlyList<string> Steps { get; } = [V1, V2];
}
