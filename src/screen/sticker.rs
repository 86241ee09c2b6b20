//! The shop's static QR sticker (manager): the `l/1` payload for the profile and POS id, framed
//! at XL, saved as PNG or SVG for printing.

use iced::widget::{button, column, container, row, text};
use iced::{Center, Element};

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
        let mut col = column![text(fl!("sticker-title")).size(26).style(theme::brand)]
            .spacing(14)
            .align_x(Center);
        match (&self.payload, &self.preview) {
            (Some(payload), Some(preview)) => {
                col = col
                    .push(preview.view(0.5))
                    .push(text(payload.clone()).size(14).style(theme::muted))
                    .push(
                        row![
                            button(text(fl!("sticker-save-png")))
                                .padding([10, 16])
                                .style(theme::primary)
                                .on_press(Message::SavePng),
                            button(text(fl!("sticker-save-svg")))
                                .padding([10, 16])
                                .style(theme::secondary)
                                .on_press(Message::SaveSvg),
                        ]
                        .spacing(10),
                    );
            }
            _ => col = col.push(text(fl!("sticker-missing-ids")).style(theme::error)),
        }
        if let Some(info) = &self.info {
            col = col.push(text(info.clone()).style(theme::success));
        }
        if let Some(p) = &self.problem {
            col = col.push(text(p.clone()).style(theme::error));
        }
        col = col.push(
            button(text(fl!("settings-close")))
                .padding([10, 16])
                .style(theme::secondary)
                .on_press(Message::Close),
        );
        container(col).padding(24).style(theme::card).into()
    }
}
