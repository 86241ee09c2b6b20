//! Responses the way the API shapes them: JSON bodies, and error bodies with `code`, `message`,
//! `traceId` and `spanId`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error answer.
#[derive(Clone, Debug)]
pub struct Reject {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl Reject {
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Reject {
        Reject {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn payment_not_found(id: &str) -> Reject {
        Reject::new(
            404,
            "PAYMENT_NOT_FOUND",
            format!("Payment not found '{id}'"),
        )
    }

    pub fn unauthorized(why: impl Into<String>) -> Reject {
        Reject::new(401, "UNAUTHORIZED", why)
    }

    pub fn required(field: &str) -> Reject {
        Reject::new(
            400,
            "FIELD_IS_REQUIRED",
            format!("Field '{field}' is mandatory"),
        )
    }
}

fn trace_id() -> String {
    let bytes: [u8; 8] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl IntoResponse for Reject {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::json!({
            "traceId": trace_id(),
            "spanId": trace_id(),
            "code": self.code,
            "message": self.message,
        });
        (status, Json(body)).into_response()
    }
}

/// A JSON success with the given status.
pub fn json<T: Serialize>(status: u16, value: &T) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    (status, Json(value)).into_response()
}

pub fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

pub type Reply = Result<Response, Reject>;
