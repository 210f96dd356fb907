namespace Marsad.Storage.Knowledge;

/// <summary>
/// The schema both stores share, as numbered migration steps (step N takes a store from version N-1 to N). The SQL is
/// the same on SQLite and PostgreSQL but for a few type names (<see cref="SqlDialect"/>). Dates are ISO text; an unknown
/// date of a story or an event is stored as '' (it sorts last in the newest-first orders and is never in a date range),
/// so the keyset orders need no NULL handling. <c>knowledge_state</c> holds the numbers of documents saved and of changes
/// applied (the change stamp, read in one row) and the longest span of a story ever stored, in days, which bounds the
/// date-window lookup of stories.
/// </summary>
internal static class KnowledgeSchema
{
    public const int Version = 8;

    /// <summary>The documents of version 1, plus the job queue on PostgreSQL (<paramref name="extra"/>).</summary>
    public static string Step1(SqlDialect d, string extra = "") => $"""
        CREATE TABLE IF NOT EXISTS documents (
          id               TEXT PRIMARY KEY,
          content_hash     TEXT NOT NULL,
          source_path      TEXT NOT NULL,
          url              TEXT,
          title            TEXT,
          outlet           TEXT,
          published        TEXT,
          published_from   TEXT NOT NULL,
          language         TEXT NOT NULL,
          encoding         TEXT NOT NULL,
          removed_count    INTEGER NOT NULL,
          text             TEXT NOT NULL,
          json             TEXT NOT NULL,
          analyzer_version TEXT NOT NULL,
          analyzed_at      {d.Timestamp} NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_documents_hash ON documents (content_hash);
        CREATE INDEX IF NOT EXISTS ix_documents_published ON documents (published);
        {extra}
        INSERT INTO schema_info (version) VALUES (1);
        """;

    /// <summary>
    /// The knowledge base: documents gain their story and a connected flag (every document of a version-1 store starts
    /// unconnected), and the tables of what was understood, each with the indexes of its lookups and paged orders.
    /// </summary>
    public static string Step2(SqlDialect d) => $"""
        {d.DocumentKeys}
        ALTER TABLE documents ADD COLUMN story_id {d.Key};
        ALTER TABLE documents ADD COLUMN connected INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX ix_documents_connected ON documents (connected, analyzed_at, id);
        CREATE INDEX ix_documents_analyzed ON documents (analyzed_at);
        CREATE INDEX ix_documents_version ON documents (analyzer_version);
        CREATE INDEX ix_documents_order ON documents ((COALESCE(published, '')), id);
        CREATE INDEX ix_documents_story ON documents (story_id, (COALESCE(published, '')), id);
        CREATE INDEX ix_documents_outlet ON documents (outlet, (COALESCE(published, '')), id);
        CREATE INDEX ix_documents_story_outlet ON documents (story_id, outlet);
        CREATE TABLE knowledge_state (id INTEGER PRIMARY KEY CHECK (id = 1), saved BIGINT NOT NULL, applied BIGINT NOT NULL, max_span INTEGER NOT NULL);
        INSERT INTO knowledge_state (id, saved, applied, max_span) VALUES (1, 0, 0, 0);
        CREATE TABLE stories (
          id            {d.Key} PRIMARY KEY,
          title         TEXT NOT NULL,
          first_date    {d.Key} NOT NULL,
          last_date     {d.Key} NOT NULL,
          documents     INTEGER NOT NULL,
          outlets       INTEGER NOT NULL,
          events        INTEGER NOT NULL,
          discrepancies INTEGER NOT NULL,
          state         TEXT NOT NULL,
          json          TEXT NOT NULL,
          updated_at    BIGINT NOT NULL
        );
        CREATE INDEX ix_stories_span ON stories (last_date, first_date);
        CREATE INDEX ix_stories_order ON stories (last_date, id);
        CREATE INDEX ix_stories_updated ON stories (last_date, updated_at, id);
        CREATE TABLE story_redirects (old_id {d.Key} PRIMARY KEY, new_id {d.Key} NOT NULL);
        CREATE INDEX ix_story_redirects_new ON story_redirects (new_id);
        CREATE TABLE events (
          id        {d.Key} PRIMARY KEY,
          story_id  {d.Key},
          type      {d.Key} NOT NULL,
          date      TEXT,
          day       {d.Key} NOT NULL,
          country   {d.Key},
          place     TEXT,
          lat       DOUBLE PRECISION,
          lon       DOUBLE PRECISION,
          killed    INTEGER,
          actors    TEXT NOT NULL,
          documents TEXT NOT NULL,
          outlets   TEXT NOT NULL,
          json      TEXT NOT NULL,
          row_json  TEXT NOT NULL
        );
        CREATE INDEX ix_events_order ON events (day, id);
        CREATE INDEX ix_events_type ON events (type, day, id);
        CREATE INDEX ix_events_story ON events (story_id, day, id);
        CREATE INDEX ix_events_country ON events (country, day, id);
        CREATE TABLE event_actors (entity_id {d.Key} NOT NULL, day {d.Key} NOT NULL, event_id {d.Key} NOT NULL, PRIMARY KEY (entity_id, day, event_id));
        CREATE INDEX ix_event_actors_event ON event_actors (event_id);
        CREATE TABLE event_outlets (outlet {d.Key} NOT NULL, day {d.Key} NOT NULL, event_id {d.Key} NOT NULL, PRIMARY KEY (outlet, day, event_id));
        CREATE INDEX ix_event_outlets_event ON event_outlets (event_id);
        CREATE TABLE event_documents (doc_id {d.Key} NOT NULL, event_id {d.Key} NOT NULL, PRIMARY KEY (doc_id, event_id));
        CREATE INDEX ix_event_documents_event ON event_documents (event_id);
        CREATE TABLE entities (
          id        {d.Key} PRIMARY KEY,
          type      {d.Key} NOT NULL,
          name      TEXT NOT NULL,
          country   TEXT,
          json      TEXT NOT NULL,
          mentions  INTEGER NOT NULL DEFAULT 0,
          documents INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_entities_order ON entities (mentions, id);
        CREATE INDEX ix_entities_type ON entities (type, mentions, id);
        CREATE TABLE entity_mentions (entity_id {d.Key} NOT NULL, doc_id {d.Key} NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (entity_id, doc_id));
        CREATE INDEX ix_entity_mentions_doc ON entity_mentions (doc_id);
        CREATE INDEX ix_entity_mentions_order ON entity_mentions (entity_id, mentions, doc_id);
        CREATE TABLE discrepancies (id {d.Key} PRIMARY KEY, story_id {d.Key} NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX ix_discrepancies_story ON discrepancies (story_id, id);
        CREATE TABLE duplicates (a {d.Key} NOT NULL, b {d.Key} NOT NULL, similarity DOUBLE PRECISION NOT NULL, PRIMARY KEY (a, b));
        CREATE INDEX ix_duplicates_b ON duplicates (b);
        CREATE TABLE framing (story_id {d.Key} PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE digests (doc_id {d.Key} PRIMARY KEY, signature {d.Blob} NOT NULL);
        CREATE TABLE digest_bands (band BIGINT NOT NULL, doc_id {d.Key} NOT NULL, PRIMARY KEY (band, doc_id));
        CREATE INDEX ix_digest_bands_doc ON digest_bands (doc_id);
        INSERT INTO schema_info (version) VALUES (2);
        """;

    /// <summary>Counts a document inserted or replaced (in the saving transaction): the change stamp moves.</summary>
    public const string CountSave = "UPDATE knowledge_state SET saved = saved + 1 WHERE id = 1";

    /// <summary>The change stamp: one row, whatever the size of the store.</summary>
    public const string Stamp = "SELECT saved, applied FROM knowledge_state WHERE id = 1";

    /// <summary>
    /// Following the documents: the keyset of "written since" (write time, id), in place of the index on the time alone.
    /// The count of saves (<c>knowledge_state.saved</c>) is bumped first in each save's transaction, with the time taken
    /// after it, so writes commit in time order.
    /// </summary>
    public static string Step3() => """
        CREATE INDEX ix_documents_changed ON documents (analyzed_at, id);
        DROP INDEX ix_documents_analyzed;
        INSERT INTO schema_info (version) VALUES (3);
        """;

    /// <summary>Step 4: the trend of events by place counts from an index (place, day), as the other trends do.</summary>
    public static string Step4() => """
        CREATE INDEX ix_events_place ON events (place, day);
        INSERT INTO schema_info (version) VALUES (4);
        """;


    /// <summary>
    /// Watchlists and alerts: a watchlist's criteria as JSON (<see cref="Marsad.Monitoring.WatchlistJson"/>) with its webhook and
    /// secret apart; an alert once per (watchlist, subject) with <c>seq</c>, the change that last gave it a source (the
    /// order of following and paging); its sources in the order they came; the outbox of webhook deliveries, one per
    /// alert and source count (its id, the delivery id a receiver dedupes on), <c>due_at</c> the next try in ms since
    /// the epoch (-1 once delivered or given up).
    /// </summary>
    public static string Step5(SqlDialect d) => $"""
        CREATE TABLE watchlists (
          id         {d.Key} PRIMARY KEY,
          name       TEXT NOT NULL,
          criteria   TEXT NOT NULL,
          webhook    TEXT,
          secret     TEXT,
          created_at TEXT NOT NULL
        );
        CREATE TABLE alerts (
          id           {d.Key} PRIMARY KEY,
          watchlist_id {d.Key} NOT NULL,
          subject      {d.Key} NOT NULL,
          kind         {d.Key} NOT NULL,
          story_id     {d.Key},
          event_id     {d.Key},
          title        TEXT NOT NULL,
          quote        TEXT NOT NULL,
          sources      INTEGER NOT NULL,
          seq          BIGINT NOT NULL,
          created_at   TEXT NOT NULL,
          updated_at   TEXT NOT NULL,
          UNIQUE (watchlist_id, subject)
        );
        CREATE INDEX ix_alerts_order ON alerts (seq, id);
        CREATE INDEX ix_alerts_watchlist ON alerts (watchlist_id, seq, id);
        CREATE INDEX ix_alerts_event ON alerts (watchlist_id, event_id);
        CREATE TABLE alert_sources (
          alert_id  {d.Key} NOT NULL,
          doc_id    {d.Key} NOT NULL,
          position  INTEGER NOT NULL,
          outlet    TEXT,
          url       TEXT,
          title     TEXT,
          published TEXT,
          quote     TEXT NOT NULL,
          added_at  TEXT NOT NULL,
          PRIMARY KEY (alert_id, doc_id)
        );
        CREATE INDEX ix_alert_sources_doc ON alert_sources (doc_id);
        CREATE TABLE alert_outbox (
          id           {d.Key} PRIMARY KEY,
          alert_id     {d.Key} NOT NULL,
          watchlist_id {d.Key} NOT NULL,
          payload      TEXT NOT NULL,
          attempts     INTEGER NOT NULL,
          due_at       BIGINT NOT NULL,
          delivered_at TEXT,
          last_error   TEXT
        );
        CREATE INDEX ix_alert_outbox_due ON alert_outbox (due_at, id);
        CREATE INDEX ix_alert_outbox_watchlist ON alert_outbox (watchlist_id);
        INSERT INTO schema_info (version) VALUES (5);
        """;

    /// <summary>
    /// Watching sources (<c>marsad watch</c>): each source's state (validators, failures, next poll, a lease for the
    /// watcher polling it) and every article address met, with what became of it, so a restarted watcher fetches and
    /// stores nothing twice. Times are ISO 8601 UTC text of one fixed width (they compare as text).
    /// </summary>
    public static string Step6(SqlDialect d) => $"""
        CREATE TABLE watch_sources (
          id            {d.Key} PRIMARY KEY,
          kind          TEXT NOT NULL,
          etag          TEXT,
          last_modified TEXT,
          last_fetch    TEXT,
          last_success  TEXT,
          last_status   TEXT,
          last_error    TEXT,
          failures      INTEGER NOT NULL DEFAULT 0,
          errors        BIGINT NOT NULL DEFAULT 0,
          fetches       BIGINT NOT NULL DEFAULT 0,
          not_modified  BIGINT NOT NULL DEFAULT 0,
          last_new      INTEGER NOT NULL DEFAULT 0,
          new_items     BIGINT NOT NULL DEFAULT 0,
          next_poll     {d.Key} NOT NULL,
          lease_owner   TEXT,
          lease_until   {d.Key}
        );
        CREATE INDEX ix_watch_sources_due ON watch_sources (next_poll);
        CREATE TABLE watch_items (
          url       {d.Key} PRIMARY KEY,
          source_id {d.Key} NOT NULL,
          doc_id    {d.Key},
          state     TEXT NOT NULL,
          attempts  INTEGER NOT NULL,
          error     TEXT,
          seen_at   {d.Key} NOT NULL
        );
        CREATE INDEX ix_watch_items_source ON watch_items (source_id, state);
        INSERT INTO schema_info (version) VALUES (6);
        """;

    /// <summary>
    /// Step 7: the totals the store reports, as counters (<see cref="StoreCounts"/>) that each write moves in its own
    /// transaction; counted once here from the rows a store already holds.
    /// </summary>
    public static string Step7(SqlDialect d) => $"""
        CREATE TABLE counts (name {d.Key} PRIMARY KEY, value BIGINT NOT NULL);
        INSERT INTO counts (name, value) SELECT 'documents', COUNT(*) FROM documents;
        INSERT INTO counts (name, value) SELECT 'unconnected', COUNT(*) FROM documents WHERE connected = 0;
        INSERT INTO counts (name, value) SELECT 'stories', COUNT(*) FROM stories;
        INSERT INTO counts (name, value) SELECT 'events', COUNT(*) FROM events;
        INSERT INTO counts (name, value) SELECT 'entities', COUNT(*) FROM entities;
        INSERT INTO counts (name, value) SELECT 'discrepancies', COUNT(*) FROM discrepancies;
        INSERT INTO counts (name, value) SELECT 'duplicates', COUNT(*) FROM duplicates;
        INSERT INTO schema_info (version) VALUES (7);
        """;

    /// <summary>
    /// Step 8: documents by outlet and day (<see cref="OutletDays"/>), moved by each save, so that the whole store's trend of
    /// outlets reads one row per outlet and day rather than every document; counted once here.
    /// </summary>
    public static string Step8(SqlDialect d) => $"""
        CREATE TABLE outlet_days (outlet {d.Key} NOT NULL, day {d.Key} NOT NULL, documents BIGINT NOT NULL, PRIMARY KEY (outlet, day));
        INSERT INTO outlet_days (outlet, day, documents)
          SELECT outlet, SUBSTR(published, 1, 10), COUNT(*) FROM documents
          WHERE outlet > '' AND COALESCE(published, '') > '' GROUP BY outlet, SUBSTR(published, 1, 10);
        INSERT INTO schema_info (version) VALUES (8);
        """;

    /// <summary>The message a store migrated from version 1 gives (its documents wait for the engine to connect them).</summary>
    public static string MigratedMessage(int from, long unconnected) =>
        $"store migrated from schema {from} to {Version}: {unconnected} documents not yet connected; run 'marsad reanalyze'";

    /// <summary>The one-line refusal of a store written by a newer Marsad.</summary>
    public static string NewerMessage(string description, long version) =>
        $"the database {description} has schema version {version}, newer than this program's {Version}; upgrade Marsad";
}

/// <summary>
/// The few type names in which the two dialects differ, and <see cref="DocumentKeys"/>: on PostgreSQL, the document
/// columns the reads order by take byte order too (version 1 created them in the database's collation).
/// </summary>
internal sealed record SqlDialect(string Key, string Blob, string Timestamp, string DocumentKeys)
{
    public static readonly SqlDialect Sqlite = new("TEXT", "BLOB", "TEXT", "");

    // Byte order ("C") on PostgreSQL, as SQLite compares: the same keyset order on both stores.
    public static readonly SqlDialect Postgres = new("TEXT COLLATE \"C\"", "BYTEA", "TIMESTAMPTZ",
        "ALTER TABLE documents ALTER COLUMN id TYPE TEXT COLLATE \"C\", ALTER COLUMN published TYPE TEXT COLLATE \"C\", ALTER COLUMN outlet TYPE TEXT COLLATE \"C\";");
}
