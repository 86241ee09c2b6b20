//! A D24 refund's status in the words the Refund screen and `kassa d24` both use.

use super::model::RefundStatus;
use crate::fl;

/// What `status` means for the shop, with D24's reason where it gave one.
pub fn status_words(status: &RefundStatus, reason: Option<&str>) -> String {
    match status {
        RefundStatus::Completed => fl!("d24-status-completed"),
        RefundStatus::Rejected => fl!(
            "d24-status-rejected",
            reason = reason.unwrap_or_default().to_string()
        ),
        RefundStatus::Cancelled => fl!("d24-status-cancelled"),
        RefundStatus::Delivered => fl!("d24-status-delivered"),
        RefundStatus::IncorrectDetails => fl!("d24-status-incorrect-details"),
        RefundStatus::Pending | RefundStatus::Unknown => fl!("d24-status-pending"),
    }
}
