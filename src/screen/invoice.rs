//! The invoice QR (no PIN needed): a code for a customer who pays later, from an invoice or a
//! receipt. Amount, description and reference go into the guide's template URL; the code is
//! previewed as it is typed and saved as PNG or SVG like the sticker. A code saved (or shown to
//! the sandbox's customer) is kept in the journal; a payment made with it is found by the
//! payment search and becomes a sale of this till (see `invoices.rs`).

use crate::widget::action::button;
use crate::widget::problem::problem;
use iced::widget::{column, container, row, scrollable, text, text_input};
use iced::{Element, Fill};

use crate::fl;
use crate::i18n::Lang;
use crate::money::Money;
use crate::payconiq::template::{self, Invoice as Template, TemplateError};
use crate::qr::{QrColour, QrSize};
use crate::screen::export::{self, Exporter};
use crate::theme;
use crate::widget::framed_qr::FramedQr;

#[derive(Debug)]
pub struct Invoice {
    lang: Lang,
    payload_base: String,
    profile_id: String,
    colour: QrColour,
    size: QrSize,
    amount: String,
    description: String,
    reference: String,
    /// The code for what is typed, when it is valid.
    payload: Option<String>,
    /// A receipt printer is set.
    can_print: bool,
    preview: Option<FramedQr>,
    /// Why there is no code yet.
    problem: Option<String>,
    exporter: Exporter,
    /// The embedded sandbox can play the customer who pays it.
    sandbox: bool,
    paid: Option<Result<String, String>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Amount(String),
    Description(String),
    Reference(String),
    Size(QrSize),
    Export(export::Message),
    /// Sandbox: the customer scans the code and pays.
    PayInSandbox,
    /// Print the code on the receipt printer.
    Print,
    Paid(Result<String, String>),
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Export(export::Action),
    PayInSandbox(String),
    /// Print the code: its payload, amount and description.
    Print {
        payload: String,
        amount: Money,
        description: String,
    },
    Close,
}

impl Invoice {
    pub fn new(
        lang: Lang,
        payload_base: &str,
        profile_id: &str,
        colour: QrColour,
        sandbox: bool,
    ) -> Invoice {
        let mut invoice = Invoice {
            lang,
            payload_base: payload_base.to_string(),
            profile_id: profile_id.to_string(),
            colour,
            size: QrSize::L,
            amount: String::new(),
            description: String::new(),
            reference: String::new(),
            payload: None,
            can_print: false,
            preview: None,
            problem: None,
            exporter: Exporter::default(),
            sandbox,
            paid: None,
        };
        invoice.refresh();
        invoice
    }

    /// What the code asks the customer to pay, when what is typed makes a code.
    pub fn invoice(&self) -> Option<Template> {
        self.payload.as_ref()?;
        Some(Template {
            amount: Money::parse(&self.amount).ok()?,
            description: self.description.trim().to_string(),
            reference: self.reference.trim().to_string(),
        })
    }

    /// The code's payload, when what is typed makes one.
    /// Offers printing the code on the receipt printer.
    pub fn with_printer(mut self, can_print: bool) -> Invoice {
        self.can_print = can_print;
        self
    }

    pub fn payload(&self) -> Option<&str> {
        self.payload.as_deref()
    }

    /// Rebuilds the payload and preview from the fields (checked as they are typed).
    fn refresh(&mut self) {
        self.paid = None;
        let built = match Money::parse(&self.amount) {
            Err(crate::money::MoneyError::Empty) => Err(fl!("invoice-enter-amount")),
            Err(e) => Err(crate::screen::till::money_problem(&e, self.lang)),
            Ok(amount) => Template {
                amount,
                description: self.description.trim().to_string(),
                reference: self.reference.trim().to_string(),
            }
            .payload(&self.payload_base, &self.profile_id)
            .map_err(|e| self.explain(&e)),
        };
        match built {
            Ok(payload) => {
                self.preview = FramedQr::new(&payload, self.size, self.colour).ok();
                self.payload = Some(payload);
                self.problem = None;
            }
            Err(problem) => {
                self.payload = None;
                self.preview = None;
                self.problem = Some(problem);
            }
        }
    }

    fn explain(&self, e: &TemplateError) -> String {
        let field = |name: &str| match name {
            "reference" => fl!("invoice-reference"),
            _ => fl!("invoice-description"),
        };
        match e {
            TemplateError::Amount => fl!(
                "till-amount-too-large",
                max = Money::from_cents(crate::money::MAX_CENTS).format(self.lang)
            ),
            TemplateError::TooLong { field: f, len } => fl!(
                "field-too-long",
                field = field(f),
                max = template::TEXT_MAX.to_string(),
                len = len.to_string()
            ),
            TemplateError::Control { field: f } => fl!("invoice-control", field = field(f)),
            TemplateError::NoProfile => fl!("invoice-no-profile"),
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Amount(a) => self.amount = a,
            Message::Description(d) => self.description = d,
            Message::Reference(r) => self.reference = r,
            Message::Size(s) => self.size = s,
            Message::Export(m) => {
                let Some(payload) = &self.payload else {
                    return Action::None;
                };
                let code = export::Code {
                    payload,
                    size: self.size,
                    colour: self.colour,
                    name: fl!("file-invoice"),
                };
                return Action::Export(self.exporter.update(m, code));
            }
            Message::Print => {
                return match (&self.payload, Money::parse(&self.amount)) {
                    (Some(payload), Ok(amount)) => Action::Print {
                        payload: payload.clone(),
                        amount,
                        description: self.description.trim().to_string(),
                    },
                    _ => Action::None,
                };
            }
            Message::PayInSandbox => {
                return self
                    .payload
                    .clone()
                    .map_or(Action::None, Action::PayInSandbox);
            }
            Message::Paid(r) => {
                self.paid = Some(r);
                return Action::None;
            }
            Message::Close => return Action::Close,
        }
        self.refresh();
        Action::None
    }

    pub fn view(&self) -> Element<'_, Message> {
        // Placeholders name the fields; a filled field shows its value, which says what it is.
        let input = |label: String, value: &str, on: fn(String) -> Message| {
            text_input(&label, value).on_input(on).padding(8)
        };
        let mut side = column![
            text(fl!("invoice-title")).size(24).style(theme::brand),
            input(fl!("invoice-amount"), &self.amount, Message::Amount),
            input(
                fl!("invoice-description"),
                &self.description,
                Message::Description
            ),
            input(
                fl!("invoice-reference"),
                &self.reference,
                Message::Reference
            ),
            row![
                text(fl!("settings-qr-size")).size(14),
                crate::widget::segmented::segmented(
                    QrSize::ALL.to_vec(),
                    Some(self.size),
                    Message::Size
                )
            ]
            .spacing(8)
            .align_y(iced::Center),
        ]
        .spacing(10);
        if let Some(p) = &self.problem {
            let line = text(p.clone()).size(15);
            // Nothing typed yet is not a mistake: the prompt is a hint until an amount is wrong.
            side = side.push(if self.amount.trim().is_empty() {
                line.style(theme::muted)
            } else {
                line.style(theme::error)
            });
        }
        side = side.push(
            self.exporter
                .view(self.payload.is_some())
                .map(Message::Export),
        );
        if self.can_print {
            side = side.push(
                button(text(fl!("shift-print")))
                    .style(theme::secondary)
                    .on_press_maybe(self.payload.is_some().then_some(Message::Print)),
            );
        }
        if self.sandbox {
            side = side.push(
                button(text(fl!("invoice-pay-sandbox")))
                    .padding([10, 16])
                    .style(theme::secondary)
                    .on_press_maybe(self.payload.is_some().then_some(Message::PayInSandbox)),
            );
        }
        match &self.paid {
            Some(Ok(info)) => side = side.push(text(info.clone()).style(theme::success)),
            Some(Err(e)) => side = side.push(problem(e, 16.0)),
            None => {}
        }
        side = side.push(
            button(text(fl!("settings-close")))
                .padding([10, 16])
                .style(theme::secondary)
                .on_press(Message::Close),
        );
        let preview: Element<'_, Message> = match &self.preview {
            Some(qr) => qr.view_fitted(),
            None => container(text(fl!("invoice-no-code")).style(theme::muted))
                .center_x(Fill)
                .center_y(Fill)
                .into(),
        };
        let preview = column![
            text(fl!("invoice-hint")).size(14).style(theme::muted),
            preview
        ]
        .spacing(8);
        container(
            row![preview, scrollable(side.width(Fill)).spacing(6).width(330)]
                .spacing(24)
                .height(Fill),
        )
        .padding(20)
        .width(Fill)
        .height(Fill)
        .style(theme::card)
        .into()
    }
}
