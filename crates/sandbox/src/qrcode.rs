//! The QR code service the payments' `_links.qrcode` point at (merchant API guide, "The
//! Payconiq QR Code", lines 1175–1195 and 2641–2666):
//! `/qrcode?c={payload}&s=S|M|L|XL&cl=magenta|black&f=PNG|SVG`. "By default, the Payconiq QR
//! code is returned as a PNG, small (S) size and magenta in color." It draws the service's own
//! image, the bare code (see `qr::plain_png`), not the till's framed artwork.

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
    let invalid = |e: String| Reject::new(400, "FIELD_IS_INVALID", e);
    let size = match q.get("s") {
        None => QrSize::S,
        Some(s) => s
            .parse::<QrSize>()
            .map_err(|_| invalid(format!("s must be S, M, L or XL, not '{s}'")))?,
    };
    let colour = match q.get("cl") {
        None => QrColour::Magenta,
        Some(c) => c
            .parse::<QrColour>()
            .map_err(|_| invalid(format!("cl must be magenta or black, not '{c}'")))?,
    };
    let bad = |e: qr::QrError| invalid(e.to_string());
    match q.get("f").map(|f| f.to_ascii_uppercase()).as_deref() {
        None | Some("PNG") => {
            let png = qr::plain_png(payload, size, colour).map_err(bad)?;
            Ok(([(CONTENT_TYPE, "image/png")], png).into_response())
        }
        Some("SVG") => {
            let svg = qr::plain_svg(payload, colour).map_err(bad)?;
            Ok(([(CONTENT_TYPE, "image/svg+xml")], svg).into_response())
        }
        Some(other) => Err(invalid(format!("f must be PNG or SVG, not '{other}'"))),
    }
}
