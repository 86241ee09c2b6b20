//! The customer-facing display: the same QR, the amount, the status, and a thank-you.

use iced::widget::{center, column, text};
use iced::{Center, Element, Fill};

use crate::fl;
use crate::i18n::Lang;
use crate::payconiq::model::PaymentStatus;
use crate::screen::checkout::Checkout;
use crate::theme;

/// What the customer sees; `checkout` is `None` between sales.
/// The code takes the room the window has, shrunk by whole module pixels when it is small.
pub fn view<'a, M: 'a>(checkout: Option<&'a Checkout>, lang: Lang) -> Element<'a, M> {
    let content = match checkout {
        None => column![text(fl!("display-welcome")).size(40).style(theme::brand)],
        Some(c) => {
            let p = c.payment();
            let amount = text(p.amount.format(lang)).size(56);
            match c.status() {
                PaymentStatus::Succeeded => column![
                    text(fl!("display-thanks")).size(48).style(theme::success),
                    text(p.paid_total().format(lang)).size(40),
                ],
                s if s.is_final() => {
                    column![text(fl!("display-not-paid")).size(40).style(theme::muted)]
                }
                PaymentStatus::Pending => {
                    let mut col = column![amount];
                    col = match c.qr() {
                        Some(qr) => col
                            .push(qr.view_fitted())
                            .push(text(fl!("display-scan")).size(28))
                            .height(Fill),
                        None => col.push(text(fl!("checkout-sticker-hint")).size(32)),
                    };
                    col
                }
                PaymentStatus::Identified => {
                    column![amount, text(fl!("display-confirm-on-phone")).size(32)]
                }
                _ => column![amount, text(fl!("display-processing")).size(32)],
            }
        }
    };
    center(content.spacing(24).padding(24).align_x(Center))
        .width(Fill)
        .height(Fill)
        .style(theme::display)
        .into()
}
