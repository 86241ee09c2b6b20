//! The till's link to its shop server: which server (settings) and the till's token
//! (keychain), joining with a one-time code, and what waits to be sent. The sending itself is
//! the ledger's ([`kassa_ledger::shop_push`]); words for its failures are the app's.

use std::sync::Arc;

use kassa_core::shop::{ShopClient, ShopError};

use crate::config::Settings;
use crate::fl;
use crate::secrets::{SHOP_TOKEN, Secret, SecretStore};

/// The client for the till's shop server, when it has joined one (`None`: not in a shop).
pub fn client(
    settings: &Settings,
    secrets: &dyn SecretStore,
) -> Option<Result<ShopClient, String>> {
    let url = settings.shop_server.trim();
    if url.is_empty() {
        return None;
    }
    Some((|| {
        let token = secrets
            .get(SHOP_TOKEN)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| fl!("shop-no-token", url = url.to_string()))?;
        ShopClient::new(url, Some(Secret::new(token))).map_err(|e| explain(&e))
    })())
}

/// Joins the shop server at `url` with `code`: the token goes to the keychain, the server's
/// address into `settings` (saved by the caller). Returns the shop's and the till's names.
pub async fn join(
    url: &str,
    code: &str,
    settings: &mut Settings,
    secrets: Arc<dyn SecretStore>,
) -> Result<(String, String), String> {
    let client = ShopClient::new(url, None).map_err(|e| explain(&e))?;
    // The keychain must take the token before the code is spent on the server.
    let probe = secrets.clone();
    tokio::task::spawn_blocking(move || probe.get(SHOP_TOKEN))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let answer = client.join(code).await.map_err(|e| explain(&e))?;
    let token = answer.token.clone();
    tokio::task::spawn_blocking(move || secrets.set(SHOP_TOKEN, &token))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    settings.shop_server = client.base().as_str().trim_end_matches('/').to_string();
    Ok((answer.shop, answer.till))
}

/// A shop server's failure in the cashier's words.
pub fn explain(e: &ShopError) -> String {
    match e {
        ShopError::BadUrl(u) => fl!("shop-bad-url", url = u.clone()),
        ShopError::NotHttps(u) => fl!("shop-not-https", url = u.clone()),
        ShopError::Unreachable(u) => fl!("shop-unreachable", url = u.clone()),
        ShopError::Unauthorised => fl!("shop-unauthorised"),
        ShopError::BadCode => fl!("shop-bad-code"),
        ShopError::Http { status, detail } => fl!(
            "shop-http",
            status = status.to_string(),
            detail = detail.clone()
        ),
        ShopError::Invalid(d) => fl!("shop-invalid", detail = d.clone()),
    }
}

/// Why the till's events did not reach its server: in words, and whether the server does not
/// know the till (then only a new join helps, not waiting).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushProblem {
    pub why: String,
    pub unknown_till: bool,
}

impl PushProblem {
    pub fn of_shop(e: &ShopError) -> PushProblem {
        PushProblem {
            why: explain(e),
            unknown_till: *e == ShopError::Unauthorised,
        }
    }

    pub fn of_push(e: &kassa_ledger::shop_push::PushFailure) -> PushProblem {
        match e {
            kassa_ledger::shop_push::PushFailure::Shop(s) => PushProblem::of_shop(s),
            kassa_ledger::shop_push::PushFailure::Journal(j) => {
                PushProblem::other(crate::explain::Explain::explain(j))
            }
        }
    }

    pub fn other(why: String) -> PushProblem {
        PushProblem {
            why,
            unknown_till: false,
        }
    }
}

/// A push that stopped, in words.
pub fn explain_push(e: &kassa_ledger::shop_push::PushFailure) -> String {
    PushProblem::of_push(e).why
}

/// A refund made on another till of the shop, as the journal's refunds are shown and counted:
/// its status as the shop's books have it (no status yet counts, as a refund on its way does).
pub fn refund_entry(r: &kassa_core::shop::ShopRefund) -> crate::journal::RefundEntry {
    let at = r
        .requested_at_ms
        .and_then(crate::clock::from_millis)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let status = r.status.as_ref().and_then(|s| {
        serde_json::from_value::<crate::payconiq::model::RefundStatus>(serde_json::Value::String(
            s.clone(),
        ))
        .ok()
    });
    crate::journal::RefundEntry {
        key: r.key.clone(),
        payment_id: r.payment_id.clone(),
        amount: crate::money::Money::from_cents(r.amount_cents.unwrap_or(0)),
        description: Some(fl!("detail-refund-at-till", till = r.till.clone())),
        account: None,
        requested_at: at,
        refund_id: r.refund_id.clone(),
        last: status.map(|s| (at, crate::journal::RefundEvent::Status(s))),
    }
}
