//! "Outcome unknown — checking": a create got no clear answer, so the payment may exist. The
//! screen names the sale (reference and amount) while the app looks it up by reference, and
//! never offers to charge it again; leaving asks first and keeps the look-up going.

use crate::widget::action::button;
use iced::widget::{column, container, text};
use iced::{Center, Element, Fill};

use crate::fl;
use crate::i18n::Lang;
use crate::money::Money;
use crate::theme;

#[derive(Debug, Clone)]
pub struct Unknown {
    pub reference: String,
    amount: Money,
    description: Option<String>,
    lang: Lang,
    /// Look-ups done so far, and why the last could not decide.
    tries: u32,
    problem: Option<String>,
    confirm_leave: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Leave,
    ConfirmLeave,
    Stay,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    None,
    /// Back to the till; the sale stays under "needs attention" and is still looked up.
    Leave,
}

impl Unknown {
    pub fn new(reference: String, amount: Money, description: Option<String>, lang: Lang) -> Self {
        Unknown {
            reference,
            amount,
            description,
            lang,
            tries: 0,
            problem: None,
            confirm_leave: false,
        }
    }

    /// A look-up ran and could not decide yet.
    pub fn checked(&mut self, problem: Option<String>) {
        self.tries += 1;
        self.problem = problem;
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Leave => {
                self.confirm_leave = true;
                Action::None
            }
            Message::Stay => {
                self.confirm_leave = false;
                Action::None
            }
            Message::ConfirmLeave => Action::Leave,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut body = column![
            text(fl!("unknown-title")).size(30).style(theme::warning),
            text(self.amount.format(self.lang)).size(40),
        ]
        .spacing(12)
        .align_x(Center);
        if let Some(d) = &self.description {
            body = body.push(text(d.clone()).size(18).style(theme::muted));
        }
        body = body
            .push(text(fl!("unknown-reference", reference = self.reference.clone())).size(18))
            .push(text(fl!("unknown-why")).size(18))
            .push(
                text(fl!("unknown-checks", count = self.tries))
                    .size(16)
                    .style(theme::muted),
            );
        if let Some(p) = &self.problem {
            body = body.push(text(p.clone()).size(16).style(theme::muted));
        }
        body = if self.confirm_leave {
            body.push(text(fl!("unknown-leave-question")).size(18))
                .push(
                    column![
                        button(text(fl!("unknown-stay")).size(18))
                            .padding([12, 20])
                            .style(theme::primary)
                            .on_press(Message::Stay),
                        button(text(fl!("unknown-leave-anyway")).size(18))
                            .padding([12, 20])
                            .style(theme::secondary)
                            .on_press(Message::ConfirmLeave),
                    ]
                    .spacing(10)
                    .align_x(Center),
                )
        } else {
            body.push(
                button(text(fl!("unknown-leave")).size(18))
                    .padding([12, 20])
                    .style(theme::secondary)
                    .on_press(Message::Leave),
            )
        };
        container(body)
            .padding(32)
            .width(Fill)
            .align_x(Center)
            .style(theme::card)
            .into()
    }
}
