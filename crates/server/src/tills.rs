//! Tills of the shop: added by an administrator with a one-time join code, joined by the till
//! (which gets a token of its own, kept in its keychain; the server keeps only its hash),
//! listed, and revoked. Every request of a till names it by its token.

use base64::Engine;
use deadpool_postgres::Pool;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::ServerError;

/// How long a join code can be used.
pub const CODE_LIFE: time::Duration = time::Duration::hours(24);

/// The characters of a join code: no 0/O, 1/I/L to misread off a screen.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A till, as a request names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Till {
    pub id: i64,
    pub shop_id: i64,
    pub name: String,
    pub shop: String,
}

/// A till as `till list` shows it.
#[derive(Clone, Debug)]
pub struct TillRow {
    pub name: String,
    pub joined_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
    pub last_seen_at: Option<OffsetDateTime>,
    pub last_seq: Option<i64>,
}

fn hash(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A code as people type it: upper case, without the dashes and spaces.
fn normal_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn new_code() -> String {
    let chars: Vec<char> = (0..12)
        .map(|_| CODE_ALPHABET[rand::random_range(0..CODE_ALPHABET.len())] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

fn new_token() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Adds till `name` to the shop (or gives a till not yet joined a new code); returns its
/// one-time join code.
pub async fn add(pool: &Pool, name: &str) -> Result<String, ServerError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 64 {
        return Err(ServerError::BadRequest(
            "a till's name is 1 to 64 characters".into(),
        ));
    }
    let code = new_code();
    let expires = OffsetDateTime::now_utc() + CODE_LIFE;
    let mut client = pool.get().await?;
    let client = client.transaction().await?;
    // A revoked till gives up its name (kept, marked, with everything it sent) for the one
    // that takes its place.
    client
        .execute(
            "UPDATE tills SET name = name || ' (revoked ' || id || ')'
             WHERE name = $1 AND revoked_at IS NOT NULL",
            &[&name],
        )
        .await?;
    let row = client
        .query_opt(
            "INSERT INTO tills (shop_id, name, join_code_hash, join_expires_at)
             VALUES ((SELECT MIN(id) FROM shops), $1, $2, $3)
             ON CONFLICT (shop_id, name) DO UPDATE
                SET join_code_hash = EXCLUDED.join_code_hash,
                    join_expires_at = EXCLUDED.join_expires_at
                WHERE tills.token_hash IS NULL AND tills.revoked_at IS NULL
             RETURNING id",
            &[&name, &hash(&normal_code(&code)), &expires],
        )
        .await?;
    if row.is_none() {
        return Err(ServerError::BadRequest(format!(
            "a till called '{name}' has already joined (revoke it first, or choose another name)"
        )));
    }
    audit(&client, None, "till-added", name).await?;
    client.commit().await?;
    Ok(code)
}

/// The shop's tills.
pub async fn list(pool: &Pool) -> Result<Vec<TillRow>, ServerError> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT t.name, t.joined_at, t.revoked_at, t.last_seen_at,
                    (SELECT MAX(seq) FROM events e WHERE e.till_id = t.id)
             FROM tills t ORDER BY t.name",
            &[],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| TillRow {
            name: r.get(0),
            joined_at: r.get(1),
            revoked_at: r.get(2),
            last_seen_at: r.get(3),
            last_seq: r.get(4),
        })
        .collect())
}

/// Revokes till `name`: its token is refused from now on (what it sent is kept).
pub async fn revoke(pool: &Pool, name: &str) -> Result<(), ServerError> {
    let client = pool.get().await?;
    let n = client
        .execute(
            "UPDATE tills SET revoked_at = now(), join_code_hash = NULL
             WHERE name = $1 AND revoked_at IS NULL",
            &[&name.trim()],
        )
        .await?;
    if n == 0 {
        return Err(ServerError::NotFound(format!(
            "no till called '{}' (or it is revoked already)",
            name.trim()
        )));
    }
    audit(&client, None, "till-revoked", name.trim()).await
}

/// Exchanges a join code for the till's token (once: the code is spent).
pub async fn join(pool: &Pool, code: &str) -> Result<kassa_core::shop::JoinAnswer, ServerError> {
    let token = new_token();
    let mut client = pool.get().await?;
    // The code is spent only with its audit line: both or neither.
    let tx = client.transaction().await?;
    let row = tx
        .query_opt(
            "UPDATE tills SET token_hash = $2, join_code_hash = NULL, joined_at = now()
             WHERE join_code_hash = $1 AND join_expires_at > now() AND revoked_at IS NULL
             RETURNING id, name, (SELECT name FROM shops WHERE id = tills.shop_id)",
            &[&hash(&normal_code(code)), &hash(&token)],
        )
        .await?;
    let Some(row) = row else {
        return Err(ServerError::Unauthorised);
    };
    let (id, till, shop): (i64, String, String) = (row.get(0), row.get(1), row.get(2));
    audit(&tx, Some(id), "till-joined", &till).await?;
    tx.commit().await?;
    Ok(kassa_core::shop::JoinAnswer { shop, till, token })
}

/// Makes `profile` one of `shop`'s payment profiles (its callbacks are the shop's), said by
/// `by` (a till's name, or `admin`). A profile of another shop is refused, not moved.
pub async fn add_profile(
    pool: &Pool,
    shop: i64,
    profile: &str,
    by: &str,
) -> Result<(), ServerError> {
    let profile = profile.trim();
    if profile.is_empty()
        || profile.len() > 64
        || !profile
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(ServerError::BadRequest(format!(
            "'{}' is not a payment profile id",
            profile.chars().take(64).collect::<String>()
        )));
    }
    let client = pool.get().await?;
    let owner: i64 = client
        .query_one(
            "WITH added AS (
                 INSERT INTO payment_profiles (profile_id, shop_id, added_by) VALUES ($1, $2, $3)
                 ON CONFLICT (profile_id) DO NOTHING RETURNING shop_id)
             SELECT COALESCE((SELECT shop_id FROM added),
                             (SELECT shop_id FROM payment_profiles WHERE profile_id = $1))",
            &[&profile, &shop, &by],
        )
        .await?
        .get(0);
    if owner != shop {
        return Err(ServerError::BadRequest(format!(
            "payment profile {profile} belongs to another shop"
        )));
    }
    Ok(())
}

/// Stops accepting callbacks for `profile` (a till that names it again adds it back).
pub async fn remove_profile(pool: &Pool, profile: &str) -> Result<(), ServerError> {
    let client = pool.get().await?;
    let n = client
        .execute(
            "DELETE FROM payment_profiles WHERE profile_id = $1",
            &[&profile.trim()],
        )
        .await?;
    if n == 0 {
        return Err(ServerError::NotFound(format!(
            "no payment profile {}",
            profile.trim()
        )));
    }
    audit(&client, None, "profile-removed", profile.trim()).await
}

/// The shop's payment profiles: id, who added it, when.
pub async fn profiles(pool: &Pool) -> Result<Vec<(String, String, OffsetDateTime)>, ServerError> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT profile_id, added_by, added_at FROM payment_profiles ORDER BY added_at",
            &[],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

/// The shop a single-shop server keeps (the first).
pub async fn first_shop(pool: &Pool) -> Result<i64, ServerError> {
    let client = pool.get().await?;
    Ok(client
        .query_one("SELECT MIN(id) FROM shops", &[])
        .await?
        .get::<_, i64>(0))
}

/// The till a token belongs to (refused when revoked or unknown).
pub async fn authenticate(pool: &Pool, token: &str) -> Result<Till, ServerError> {
    let client = pool.get().await?;
    let statement = client
        .prepare_cached(
            "SELECT t.id, t.shop_id, t.name, s.name FROM tills t JOIN shops s ON s.id = t.shop_id
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
        )
        .await?;
    let row = client.query_opt(&statement, &[&hash(token)]).await?;
    let row = row.ok_or(ServerError::Unauthorised)?;
    Ok(Till {
        id: row.get(0),
        shop_id: row.get(1),
        name: row.get(2),
        shop: row.get(3),
    })
}

/// A line in the server's audit log, on `client` (a connection or transaction the caller
/// already holds).
pub async fn audit(
    client: &impl deadpool_postgres::GenericClient,
    till: Option<i64>,
    action: &str,
    detail: &str,
) -> Result<(), ServerError> {
    client
        .execute(
            "INSERT INTO audit (shop_id, till_id, action, detail)
             VALUES (COALESCE((SELECT shop_id FROM tills WHERE id = $1), (SELECT MIN(id) FROM shops)),
                     $1, $2, $3)",
            &[&till, &action, &detail],
        )
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_typed() {
        let code = new_code();
        assert_eq!(code.len(), 14);
        assert_eq!(normal_code(&code.to_lowercase()), normal_code(&code));
        assert_eq!(normal_code(" abcd-efgh jkmn "), "ABCDEFGHJKMN");
        assert!(
            normal_code(&code)
                .bytes()
                .all(|b| CODE_ALPHABET.contains(&b))
        );
        assert_ne!(new_token(), new_token());
    }
}
