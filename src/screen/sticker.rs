//! The shop's static QR sticker (manager): the `l/1` payload for the profile and POS id, framed
//! at XL, saved as PNG or SVG for printing, or printed on the receipt printer.

use crate::widget::action::button;
use iced::widget::{column, container, row, scrollable, text};
use iced::{Element, Fill};

use crate::fl;
use crate::qr::{QrColour, QrSize};
use crate::screen::export::{self, Exporter};
use crate::theme;
use crate::widget::framed_qr::FramedQr;

#[derive(Debug)]
pub struct Sticker {
    payload: Option<String>,
    colour: QrColour,
    preview: Option<FramedQr>,
    exporter: Exporter,
    /// A receipt printer is set.
    can_print: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Export(export::Message),
    /// Print the sticker on the receipt printer.
    Print,
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Export(export::Action),
    /// Print the sticker's code.
    Print(String),
    Close,
}

impl Sticker {
    /// `payload` is `None` when the profile id or POS id is missing.
    pub fn new(payload: Option<String>, colour: QrColour) -> Sticker {
        let preview = payload
            .as_deref()
            .and_then(|p| FramedQr::new(p, QrSize::XL, colour).ok());
        Sticker {
            payload,
            colour,
            preview,
            exporter: Exporter::default(),
            can_print: false,
        }
    }

    /// Offers printing the sticker on the receipt printer.
    pub fn with_printer(mut self, can_print: bool) -> Sticker {
        self.can_print = can_print;
        self
    }

    pub fn update(&mut self, message: Message) -> Action {
        match (message, &self.payload) {
            (Message::Close, _) => Action::Close,
            (Message::Export(m), Some(payload)) => {
                let code = export::Code {
                    payload,
                    size: QrSize::XL,
                    colour: self.colour,
                    name: fl!("file-sticker"),
                };
                Action::Export(self.exporter.update(m, code))
            }
            (Message::Print, Some(payload)) => Action::Print(payload.clone()),
            (Message::Export(_) | Message::Print, None) => Action::None,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut side = column![text(fl!("sticker-title")).size(24).style(theme::brand)].spacing(12);
        let mut preview = None;
        match (&self.payload, &self.preview) {
            (Some(payload), Some(qr)) => {
                preview = Some(qr.view_fitted());
                side = side
                    .push(text(payload.clone()).size(14).style(theme::muted))
                    .push(self.exporter.view(true).map(Message::Export));
                if self.can_print {
                    side = side.push(
                        button(text(fl!("shift-print")))
                            .style(theme::secondary)
                            .on_press(Message::Print),
                    );
                }
            }
            _ => side = side.push(text(fl!("sticker-missing-ids")).style(theme::error)),
        }
        side = side.push(
            button(text(fl!("settings-close")))
                .padding([10, 16])
                .style(theme::secondary)
                .on_press(Message::Close),
        );
        // The preview takes what room is left; the buttons stay beside it, always in view.
        let body = row![]
            .push(preview)
            .push(scrollable(side.width(Fill)).spacing(6).width(300))
            .spacing(24);
        container(body)
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(theme::card)
            .into()
    }
}
