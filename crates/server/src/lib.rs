//! kassa-server: one set of books for every till of a shop, on PostgreSQL. Tills join with a
//! one-time code and push their journals' events ([`ingest`]), each stored once under (till,
//! sequence number) by the database's own unique key; managers read the whole shop
//! ([`queries`]). Stateless: any number of instances may serve one database.

pub mod books;
pub mod callbacks;
pub mod db;
pub mod http;
pub mod ingest;
pub mod queries;
pub mod stream;
pub mod tills;

/// Why a request or command failed.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("the database: {0}")]
    Db(String),
    #[error("not known or revoked")]
    Unauthorised,
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
}

impl From<tokio_postgres::Error> for ServerError {
    fn from(e: tokio_postgres::Error) -> Self {
        // The database's own message (never a password: the URL is not in it).
        ServerError::Db(match e.as_db_error() {
            Some(db) => db.message().to_string(),
            None => e.to_string(),
        })
    }
}

impl From<deadpool_postgres::PoolError> for ServerError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        ServerError::Db(e.to_string())
    }
}
