//! The live status as steps: waiting for scan → scanned → authorized → paid.

use iced::Element;
use iced::widget::text;

use crate::fl;
use crate::payconiq::model::PaymentStatus;
use crate::theme;

/// How far along the happy path a status is (0..=3).
pub fn progress(status: &PaymentStatus) -> usize {
    match status {
        PaymentStatus::Pending => 0,
        PaymentStatus::Identified => 1,
        PaymentStatus::Authorized | PaymentStatus::PendingMerchantAcknowledgement => 2,
        PaymentStatus::Succeeded => 3,
        _ => 0,
    }
}

pub fn steps<'a, M: 'a>(status: &PaymentStatus) -> Element<'a, M> {
    let at = progress(status);
    let labels = [
        fl!("step-waiting"),
        fl!("step-scanned"),
        fl!("step-authorized"),
        fl!("step-paid"),
    ];
    let mut line = iced::widget::Column::new().spacing(6);
    for (i, label) in labels.into_iter().enumerate() {
        let marker = if i < at {
            "✓ "
        } else if i == at {
            "● "
        } else {
            "○ "
        };
        let t = text(format!("{marker}{label}")).size(18);
        line = line.push(if i <= at {
            t.style(theme::brand)
        } else {
            t.style(theme::muted)
        });
    }
    line.into()
}
