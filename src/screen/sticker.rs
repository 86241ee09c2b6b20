//! The shop's static QR sticker (manager): the `l/1` payload for the profile and POS id, framed
//! at XL, saved as PNG or SVG for printing.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Fill};

use crate::fl;
use crate::qr::{self, QrColour, QrSize};
use crate::theme;
use crate::widget::framed_qr::FramedQr;

#[derive(Debug)]
pub struct Sticker {
    payload: Option<String>,
    colour: QrColour,
    preview: Option<FramedQr>,
    info: Option<String>,
    problem: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    SavePng,
    SaveSvg,
    Saved(Result<String, String>),
    Close,
}

/// A file to write, chosen by the user in a native dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Save(Export),
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
            info: None,
            problem: None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        let Some(payload) = self.payload.clone() else {
            return if matches!(message, Message::Close) {
                Action::Close
            } else {
                Action::None
            };
        };
        let export = |name: &str, bytes: Result<Vec<u8>, qr::QrError>| match bytes {
            Ok(bytes) => Action::Save(Export {
                file_name: name.into(),
                bytes,
            }),
            Err(_) => Action::None,
        };
        match message {
            Message::SavePng => export(
                "payconiq-sticker.png",
                qr::render(&payload, QrSize::XL, self.colour).and_then(|q| q.to_png()),
            ),
            Message::SaveSvg => export(
                "payconiq-sticker.svg",
                qr::to_svg(&payload, QrSize::XL, self.colour).map(String::into_bytes),
            ),
            Message::Saved(Ok(info)) => {
                self.info = Some(info);
                self.problem = None;
                Action::None
            }
            Message::Saved(Err(problem)) => {
                self.problem = Some(problem);
                Action::None
            }
            Message::Close => Action::Close,
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
                    .push(
                        button(text(fl!("sticker-save-png")))
                            .padding([10, 16])
                            .style(theme::primary)
                            .on_press(Message::SavePng),
                    )
                    .push(
                        button(text(fl!("sticker-save-svg")))
                            .padding([10, 16])
                            .style(theme::secondary)
                            .on_press(Message::SaveSvg),
                    );
            }
            _ => side = side.push(text(fl!("sticker-missing-ids")).style(theme::error)),
        }
        if let Some(info) = &self.info {
            side = side.push(text(info.clone()).style(theme::success));
        }
        if let Some(p) = &self.problem {
            side = side.push(text(p.clone()).style(theme::error));
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
            .push(scrollable(side.width(Fill)).width(300))
            .spacing(24);
        container(body)
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(theme::card)
            .into()
    }
}
