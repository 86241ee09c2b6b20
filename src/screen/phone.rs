//! The sandbox's simulated customer phone: play the customer (scan, pay with a tip, decline,
//! insufficient funds, let it expire) and switch the void-enabled profile.

use crate::widget::action::button;
use iced::widget::{column, container, row, text, text_input};
use iced::{Element, Fill};

use crate::fl;
use crate::money::Money;
use crate::payconiq::model::PaymentStatus;
use crate::sandbox::CustomerAction;
use crate::theme;

#[derive(Debug, Default)]
pub struct Phone {
    tip: String,
    problem: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Scan,
    Confirm,
    Decline,
    InsufficientFunds,
    Expire,
    Tip(String),
    VoidEnabled(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Customer(CustomerAction),
    SetVoidEnabled(bool),
}

impl Phone {
    /// A new sale: the tip of the last one does not carry over.
    pub fn new_sale(&mut self) {
        self.tip.clear();
        self.problem = None;
    }

    /// Shows what the sandbox said when an action could not happen.
    pub fn set_problem(&mut self, problem: Option<String>) {
        self.problem = problem;
    }

    pub fn update(&mut self, message: Message) -> Action {
        self.problem = None;
        match message {
            Message::Scan => Action::Customer(CustomerAction::Scan),
            Message::Confirm => {
                let tip = if self.tip.trim().is_empty() {
                    Ok(Money::default())
                } else {
                    Money::parse(&self.tip)
                };
                match tip {
                    Ok(tip) => Action::Customer(CustomerAction::Confirm { tip }),
                    Err(e) => {
                        self.problem = Some(crate::screen::till::money_problem(
                            &e,
                            crate::i18n::current_language(),
                        ));
                        Action::None
                    }
                }
            }
            Message::Decline => Action::Customer(CustomerAction::Decline),
            Message::InsufficientFunds => Action::Customer(CustomerAction::InsufficientFunds),
            Message::Expire => Action::Customer(CustomerAction::Expire),
            Message::Tip(t) => {
                self.tip = t;
                Action::None
            }
            Message::VoidEnabled(on) => Action::SetVoidEnabled(on),
        }
    }

    /// `status` is that of the payment on screen, if any: each button works only when a
    /// customer could do that now. `void_enabled` is the sandbox's profile as it is now
    /// (its control endpoint may have switched it), not as this panel last set it.
    pub fn view(&self, status: Option<&PaymentStatus>, void_enabled: bool) -> Element<'_, Message> {
        let waiting = status == Some(&PaymentStatus::Pending);
        let deciding = matches!(
            status,
            Some(PaymentStatus::Pending | PaymentStatus::Identified)
        );
        let act = |label: String, m: Message, on: bool| {
            button(text(label).size(16).width(Fill))
                .width(Fill)
                .padding([10, 14])
                .style(theme::secondary)
                .on_press_maybe(on.then_some(m))
        };
        let mut panel = column![
            text(fl!("phone-title")).size(20).style(theme::brand),
            text(fl!("phone-hint")).size(14).style(theme::muted),
            act(fl!("phone-scan"), Message::Scan, waiting),
            row![
                text_input(&fl!("phone-tip"), &self.tip)
                    .id("phone-tip")
                    .on_input(Message::Tip)
                    .padding(8)
                    .width(90),
                act(fl!("phone-confirm"), Message::Confirm, deciding),
            ]
            .spacing(8),
            act(fl!("phone-decline"), Message::Decline, deciding),
            act(
                fl!("phone-insufficient"),
                Message::InsufficientFunds,
                deciding
            ),
            act(fl!("phone-expire"), Message::Expire, deciding),
            // A button, not a toggler: it must be operable (and testable) by its visible words.
            button(
                text(if void_enabled {
                    fl!("phone-void-on")
                } else {
                    fl!("phone-void-off")
                })
                .size(14)
                .wrapping(iced::widget::text::Wrapping::None)
            )
            .width(Fill)
            .padding([13, 12])
            .style(theme::secondary)
            .on_press(Message::VoidEnabled(!void_enabled)),
        ]
        .spacing(8)
        .width(230);
        if let Some(p) = &self.problem {
            panel = panel.push(text(p.clone()).size(14).style(theme::error));
        }
        container(panel).padding(14).style(theme::card).into()
    }
}
