namespace RegistryOps.Core.State;

/// <summary>
/// The schema of state.db as an ordered list of steps. A later feature adds a table by appending a
/// step with the next version; a step that has shipped is never edited, because databases in the
/// field have already run it.
/// </summary>
internal static class StateMigrations
{
    public static IReadOnlyList<StateMigration> All { get; } =
    [
        new(1, "run history and per-job state", """
            CREATE TABLE runs (
                run_id     TEXT NOT NULL PRIMARY KEY,
                job        TEXT NOT NULL,
                trigger    TEXT NOT NULL,
                started_at TEXT NOT NULL,
                ended_at   TEXT NULL,
                outcome    TEXT NULL,
                summary    TEXT NULL,
                pid        INTEGER NOT NULL
            );
            CREATE INDEX runs_job_started ON runs (job, started_at);
            CREATE INDEX runs_unfinished ON runs (ended_at) WHERE ended_at IS NULL;
            CREATE TABLE job_state (
                job        TEXT NOT NULL,
                key        TEXT NOT NULL,
                value      TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (job, key)
            );
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
