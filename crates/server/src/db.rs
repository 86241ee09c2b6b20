//! The database: a pool of connections from `DATABASE_URL`, and the numbered migrations,
//! applied in one transaction under an advisory lock so two instances starting together do
//! not both apply them.

pub use deadpool_postgres::Pool;
use deadpool_postgres::{Manager, ManagerConfig, RecyclingMethod};
use tokio_postgres::NoTls;

use crate::ServerError;

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`; shipped ones are never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_shop.sql"),
    include_str!("../migrations/0002_day_index.sql"),
    include_str!("../migrations/0003_callbacks.sql"),
];

/// Any number: the lock's name among this database's advisory locks.
const MIGRATION_LOCK: i64 = 0x4b41_5353_4131;

/// A pool of `size` connections to the database at `url` (a PostgreSQL URL or key=value
/// string).
pub fn pool(url: &str, size: usize) -> Result<Pool, ServerError> {
    let config = config(url)?;
    let manager = Manager::from_config(
        config,
        NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(manager)
        .max_size(size)
        .build()
        .map_err(|e| ServerError::Db(e.to_string()))
}

/// The connection settings in `url`.
pub fn config(url: &str) -> Result<tokio_postgres::Config, ServerError> {
    url.parse()
        .map_err(|e: tokio_postgres::Error| ServerError::BadRequest(format!("DATABASE_URL: {e}")))
}

/// Applies the migrations the database lacks; returns the numbers applied now.
pub async fn migrate(pool: &Pool) -> Result<Vec<usize>, ServerError> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    )
    .await?;
    let done: i32 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            &[],
        )
        .await?
        .get(0);
    if done as usize > MIGRATIONS.len() {
        return Err(ServerError::Db(format!(
            "the database is at schema {done}, newer than this kassa-server ({})",
            MIGRATIONS.len()
        )));
    }
    let mut applied = Vec::new();
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done as usize) {
        tx.batch_execute(sql).await?;
        let version = (i + 1) as i32;
        tx.execute(
            "INSERT INTO schema_migrations (version) VALUES ($1)",
            &[&version],
        )
        .await?;
        applied.push(i + 1);
    }
    tx.commit().await?;
    for v in &applied {
        tracing::info!(version = v, "schema migrated");
    }
    Ok(applied)
}

/// Whether the database is at this server's schema (`serve` refuses to run on an older one).
pub async fn ready(pool: &Pool) -> Result<(), ServerError> {
    let client = pool.get().await?;
    let row = client
        .query_opt(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            &[],
        )
        .await
        .map_err(|_| {
            ServerError::Db("the database has no schema yet: run `kassa-server migrate`".into())
        })?;
    let version: i32 = row.map(|r| r.get(0)).unwrap_or(0);
    if version as usize != MIGRATIONS.len() {
        return Err(ServerError::Db(format!(
            "the database is at schema {version}, this kassa-server needs {}: run `kassa-server migrate`",
            MIGRATIONS.len()
        )));
    }
    Ok(())
}
