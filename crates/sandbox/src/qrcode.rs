//! The QR code service the payments' `_links.qrcode` point at (merchant API guide, "QR code"):
//! `/qrcode?c={payload}&s=S|M|L|XL&cl=magenta|black&f=PNG|SVG`, drawn by the till's own renderer.

use std::collections::HashMap;

use axum::extract::Query;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;

use super::reply::{Reject, Reply};
use crate::qr::{self, QrColour, QrSize};

pub async fn qrcode(Query(q): Query<HashMap<String, String>>) -> Reply {
    let payload = q
        .get("c")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Reject::required("c"))?;
    let size = match q.get("s") {
        None => QrSize::M,
        Some(s) => s
            .parse::<QrSize>()
            .map_err(|e| Reject::new(400, "FIELD_IS_INVALID", e))?,
    };
    let colour = match q.get("cl") {
        None => QrColour::Magenta,
        Some(c) => c
            .parse::<QrColour>()
            .map_err(|e| Reject::new(400, "FIELD_IS_INVALID", e))?,
    };
    let bad = |e: qr::QrError| Reject::new(400, "FIELD_IS_INVALID", e.to_string());
    match q.get("f").map(|f| f.to_ascii_uppercase()).as_deref() {
        None | Some("PNG") => {
            let png = qr::render(payload, size, colour)
                .and_then(|img| img.to_png())
                .map_err(bad)?;
            Ok(([(CONTENT_TYPE, "image/png")], png).into_response())
        }
        Some("SVG") => {
            let svg = qr::to_svg(payload, size, colour).map_err(bad)?;
            Ok(([(CONTENT_TYPE, "image/svg+xml")], svg).into_response())
        }
        Some(other) => Err(Reject::new(
            400,
            "FIELD_IS_INVALID",
            format!("f must be PNG or SVG, not '{other}'"),
        )),
    }
}
