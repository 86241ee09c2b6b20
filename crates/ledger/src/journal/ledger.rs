//! The journal's hash chain, which makes it tamper-evident (as fiscal cash-register rules ask,
//! e.g. the "inalterability" of France's NF525): every row that records money, a shift or a
//! manager action gets an entry in `chain` whose SHA-256 covers the previous entry's hash and
//! the row's content. SQLite triggers append the entries in the writer's own transaction, so no
//! code path can record something without chaining it; `verify` walks the chain and names the
//! first row that no longer fits.
//!
//! The triggers call `kassa_chain_hash`, a function this module registers on every connection
//! that writes (a plain `sqlite3` shell cannot add a row without it, which is intended).

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

/// One kind of chained fact: a table's row as inserted, or columns of it that are set once
/// later (`once` names the column whose first setting is chained).
pub(super) struct Link {
    pub name: &'static str,
    pub table: &'static str,
    /// A `json_array(...)` over the row's columns: what the hash covers.
    pub content: &'static str,
    pub once: Option<&'static str>,
}

/// Frozen with schema migration 6: the triggers made from this list live in existing files, and
/// `verify` must recompute what they wrote. A change is a new migration with new link names.
pub(super) const LINKS: &[Link] = &[
    Link {
        name: "sessions",
        table: "sessions",
        content: "json_array(id, opened_at, account)",
        once: None,
    },
    Link {
        name: "sessions.closed",
        table: "sessions",
        content: "json_array(id, closed_at, z_number)",
        once: Some("closed_at"),
    },
    Link {
        name: "payments",
        table: "payments",
        content: "json_array(reference, session_id, amount_cents, description, attempted_at, \
                  pos_id, account)",
        once: None,
    },
    Link {
        name: "payments.created",
        table: "payments",
        content: "json_array(reference, payment_id, created_at)",
        once: Some("payment_id"),
    },
    Link {
        name: "payment_events",
        table: "payment_events",
        content: "json_array(id, reference, at, kind, status, tip_cents, total_cents, detail, \
                  session_id)",
        once: None,
    },
    Link {
        name: "refunds",
        table: "refunds",
        content: "json_array(idempotency_key, payment_id, amount_cents, description, account, \
                  requested_at, session_id)",
        once: None,
    },
    Link {
        name: "refunds.answered",
        table: "refunds",
        content: "json_array(idempotency_key, refund_id)",
        once: Some("refund_id"),
    },
    Link {
        name: "refund_events",
        table: "refund_events",
        content: "json_array(id, idempotency_key, at, kind, status, detail, session_id)",
        once: None,
    },
    Link {
        name: "d24_refunds",
        table: "d24_refunds",
        content: "json_array(idempotency_key, account, deposit_id, invoice_id, method, \
                  amount_minor, currency, hex(body), requested_at, book, session_id)",
        once: None,
    },
    Link {
        name: "d24_refunds.answered",
        table: "d24_refunds",
        content: "json_array(idempotency_key, refund_id)",
        once: Some("refund_id"),
    },
    Link {
        name: "d24_refund_events",
        table: "d24_refund_events",
        content: "json_array(id, idempotency_key, at, kind, status, code, detail, session_id)",
        once: None,
    },
    Link {
        name: "z_reports",
        table: "z_reports",
        content: "json_array(session_id, taken_at, report)",
        once: None,
    },
    Link {
        name: "invoices",
        table: "invoices",
        content: "json_array(id, account, amount_cents, description, reference, made_at)",
        once: None,
    },
    Link {
        name: "invoices.paid",
        table: "invoices",
        content: "json_array(id, payment_id)",
        once: Some("payment_id"),
    },
    Link {
        name: "audit",
        table: "audit",
        content: "json_array(id, at, action, detail)",
        once: None,
    },
];

/// The chain table and one trigger per link (part of migration 6).
pub(super) fn schema_sql() -> String {
    let mut sql = String::from(
        "CREATE TABLE chain (
            seq INTEGER PRIMARY KEY,
            link TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX chain_link_row ON chain(link, row_id);
        CREATE TRIGGER chain_never_deleted BEFORE DELETE ON chain
            BEGIN SELECT RAISE(ABORT, 'the journal never deletes its chain'); END;
        CREATE TRIGGER chain_never_edited BEFORE UPDATE ON chain
            BEGIN SELECT RAISE(ABORT, 'the journal never edits its chain'); END;\n",
    );
    for link in LINKS {
        let event = match link.once {
            None => "AFTER INSERT".to_string(),
            Some(column) => format!(
                "AFTER UPDATE OF {column} ON {table} \
                 WHEN OLD.{column} IS NULL AND NEW.{column} IS NOT NULL",
                table = link.table
            ),
        };
        let on = if link.once.is_none() {
            format!(" ON {}", link.table)
        } else {
            String::new()
        };
        sql += &format!(
            "CREATE TRIGGER \"chain_{name}\" {event}{on} BEGIN
                INSERT INTO chain (link, row_id, hash)
                SELECT '{name}', NEW.rowid, kassa_chain_hash(
                    (SELECT hash FROM chain ORDER BY seq DESC LIMIT 1), '{name}', NEW.rowid,
                    {content})
                FROM {table} WHERE rowid = NEW.rowid;
            END;\n",
            name = link.name,
            table = link.table,
            content = link.content,
        );
    }
    sql
}

/// The hash of one chain entry.
pub fn hash(prev: Option<&str>, link: &str, row_id: i64, content: &str) -> String {
    let mut h = Sha256::new();
    h.update(prev.unwrap_or("").as_bytes());
    h.update(b"\n");
    h.update(link.as_bytes());
    h.update(b"\n");
    h.update(row_id.to_string().as_bytes());
    h.update(b"\n");
    h.update(content.as_bytes());
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

/// Makes `kassa_chain_hash` known to `conn` (every connection that may write the journal).
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "kassa_chain_hash",
        4,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let prev: Option<String> = ctx.get(0)?;
            let link: String = ctx.get(1)?;
            let row: i64 = ctx.get(2)?;
            let content: String = ctx.get(3)?;
            Ok(hash(prev.as_deref(), &link, row, &content))
        },
    )
}

/// Chains the rows a file had before the chain existed (migration 6), link by link in row
/// order: from then on they are covered like every new row.
pub(super) fn backfill(conn: &Connection) -> rusqlite::Result<()> {
    for link in LINKS {
        let filter = link
            .once
            .map(|c| format!(" WHERE {c} IS NOT NULL"))
            .unwrap_or_default();
        let rows: Vec<i64> = conn
            .prepare(&format!(
                "SELECT rowid FROM {}{filter} ORDER BY rowid",
                link.table
            ))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for row in rows {
            conn.execute(
                &format!(
                    "INSERT INTO chain (link, row_id, hash)
                     SELECT ?1, rowid, kassa_chain_hash(
                         (SELECT hash FROM chain ORDER BY seq DESC LIMIT 1), ?1, rowid, {})
                     FROM {} WHERE rowid = ?2",
                    link.content, link.table
                ),
                params![link.name, row],
            )?;
        }
    }
    Ok(())
}

/// What `verify` found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Chain entries checked.
    pub checked: u64,
    /// The hash of the last entry.
    pub head: Option<String>,
    /// The first thing that does not fit, if any.
    pub problem: Option<Problem>,
    /// Each account's latest Z report and its chain hash, as printed on its paper: rows
    /// deleted from the end together with their chain entries show only against these.
    pub last_z: Vec<(String, i64, String)>,
}

/// Why a journal does not verify: each names the row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The row's content no longer gives the hash chained for it (edited).
    Edited {
        seq: i64,
        table: String,
        row_id: i64,
    },
    /// The chain names a row that is not there any more (deleted).
    Missing {
        seq: i64,
        table: String,
        row_id: i64,
    },
    /// A chain entry is gone, or entries were reordered.
    Gap { expected: i64, found: i64 },
    /// A row the chain does not cover (added outside Kassa).
    Unchained { table: String, row_id: i64 },
    /// The Z numbers of an account skip one.
    ZGap { account: String, missing: i64 },
    /// The file has no chain (written before schema 6 and not opened by Kassa since).
    NoChain,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Edited { seq, table, row_id } => write!(
                f,
                "{table} row {row_id} (chain entry {seq}) does not match its hash: it was changed \
                 after it was recorded"
            ),
            Problem::Missing { seq, table, row_id } => write!(
                f,
                "{table} row {row_id} (chain entry {seq}) is missing: it was deleted"
            ),
            Problem::Gap { expected, found } => write!(
                f,
                "chain entry {expected} is missing (the next one is {found})"
            ),
            Problem::Unchained { table, row_id } => write!(
                f,
                "{table} row {row_id} is not in the chain: it was added outside Kassa"
            ),
            Problem::ZGap { account, missing } => {
                write!(f, "Z report {missing} of {account} is missing")
            }
            Problem::NoChain => f.write_str("the file has no hash chain (schema before 6)"),
        }
    }
}

/// Walks the chain from its start and checks every entry against its row, then that every row
/// is chained and Z numbers have no gaps. Stops at the first problem.
pub fn verify(conn: &Connection) -> rusqlite::Result<Verdict> {
    let has_chain: bool = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain'",
            [],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    let mut verdict = Verdict {
        checked: 0,
        head: None,
        problem: None,
        last_z: Vec::new(),
    };
    if !has_chain {
        verdict.problem = Some(Problem::NoChain);
        return Ok(verdict);
    }
    let mut entries = conn.prepare("SELECT seq, link, row_id, hash FROM chain ORDER BY seq")?;
    let mut rows = entries.query([])?;
    let mut prev: Option<String> = None;
    let mut expected = 1i64;
    while let Some(r) = rows.next()? {
        let (seq, name, row_id, stored): (i64, String, i64, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if seq != expected {
            verdict.problem = Some(Problem::Gap {
                expected,
                found: seq,
            });
            return Ok(verdict);
        }
        expected += 1;
        let Some(link) = LINKS.iter().find(|l| l.name == name) else {
            verdict.problem = Some(Problem::Edited {
                seq,
                table: name,
                row_id,
            });
            return Ok(verdict);
        };
        let content: Option<String> = conn
            .prepare_cached(&format!(
                "SELECT {} FROM {} WHERE rowid = ?1",
                link.content, link.table
            ))?
            .query_row([row_id], |r| r.get(0))
            .optional()?;
        let Some(content) = content else {
            verdict.problem = Some(Problem::Missing {
                seq,
                table: link.table.into(),
                row_id,
            });
            return Ok(verdict);
        };
        if hash(prev.as_deref(), &name, row_id, &content) != stored {
            verdict.problem = Some(Problem::Edited {
                seq,
                table: link.table.into(),
                row_id,
            });
            return Ok(verdict);
        }
        verdict.checked += 1;
        prev = Some(stored);
    }
    verdict.head = prev;
    for link in LINKS {
        let filter = link
            .once
            .map(|c| format!("{c} IS NOT NULL AND "))
            .unwrap_or_default();
        let unchained: Option<i64> = conn
            .query_row(
                &format!(
                    "SELECT rowid FROM {} WHERE {filter}rowid NOT IN
                        (SELECT row_id FROM chain WHERE link = ?1)
                     ORDER BY rowid LIMIT 1",
                    link.table
                ),
                [link.name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(row_id) = unchained {
            verdict.problem = Some(Problem::Unchained {
                table: link.table.into(),
                row_id,
            });
            return Ok(verdict);
        }
    }
    let mut numbers = conn.prepare(
        "SELECT COALESCE(account, ''), z_number FROM sessions
         WHERE z_number IS NOT NULL AND account IS NOT NULL ORDER BY account, z_number",
    )?;
    let numbered: Vec<(String, i64)> = numbers
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut last: Option<(&str, i64)> = None;
    for (account, z) in &numbered {
        if let Some((a, n)) = last
            && a == account
            && *z != n + 1
        {
            verdict.problem = Some(Problem::ZGap {
                account: account.clone(),
                missing: n + 1,
            });
            return Ok(verdict);
        }
        last = Some((account, *z));
    }
    verdict.last_z = conn
        .prepare(
            "SELECT s.account, s.z_number, c.hash FROM sessions s
             JOIN chain c ON c.link = 'z_reports' AND c.row_id = s.id
             WHERE s.z_number = (SELECT MAX(z_number) FROM sessions o WHERE o.account = s.account)
             ORDER BY s.account",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(verdict)
}
