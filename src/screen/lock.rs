//! The manager lock: a PIN in front of refunds, payouts, stickers and settings. The first time,
//! it asks for a new PIN twice.

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Center, Element};

use crate::fl;
use crate::pin;
use crate::theme;

/// The PIN field's id, so the app can put the cursor in it when the lock opens.
pub const PIN_INPUT: &str = "manager-pin";

#[derive(Debug)]
pub struct Lock {
    /// The stored hash; empty when no PIN was ever set.
    stored: String,
    pin: String,
    /// While setting a new PIN: the first entry, waiting for its repetition.
    first: Option<String>,
    problem: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Pin(String),
    Submit,
    Back,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Unlocked,
    /// A new PIN was chosen: store this hash.
    NewPin(String),
    Back,
}

impl Lock {
    pub fn new(stored_hash: &str) -> Lock {
        Lock {
            stored: stored_hash.to_string(),
            pin: String::new(),
            first: None,
            problem: None,
        }
    }

    fn setting_up(&self) -> bool {
        self.stored.is_empty()
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Pin(p) => {
                // Digits only, at most the longest PIN: nothing else can be typed.
                self.pin = p
                    .chars()
                    .filter(char::is_ascii_digit)
                    .take(pin::MAX_LEN)
                    .collect();
                Action::None
            }
            Message::Back => Action::Back,
            Message::Submit => {
                let entered = std::mem::take(&mut self.pin);
                if !self.setting_up() {
                    return if pin::verify(&entered, &self.stored) {
                        self.problem = None;
                        Action::Unlocked
                    } else {
                        self.problem = Some(fl!("lock-wrong-pin"));
                        Action::None
                    };
                }
                if pin::check_format(&entered).is_err() {
                    self.problem = Some(fl!("lock-pin-format"));
                    return Action::None;
                }
                match self.first.take() {
                    None => {
                        self.first = Some(entered);
                        self.problem = None;
                        Action::None
                    }
                    Some(first) if first == entered => match pin::hash(&entered) {
                        Ok(hash) => Action::NewPin(hash),
                        Err(e) => {
                            self.problem = Some(e.to_string());
                            Action::None
                        }
                    },
                    Some(_) => {
                        self.problem = Some(fl!("lock-pins-differ"));
                        Action::None
                    }
                }
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let prompt = match (self.setting_up(), &self.first) {
            (false, _) => fl!("lock-enter-pin"),
            (true, None) => fl!("lock-choose-pin"),
            (true, Some(_)) => fl!("lock-repeat-pin"),
        };
        let mut col = column![
            text(fl!("lock-title")).size(28).style(theme::brand),
            text(prompt).size(18),
            text_input("••••", &self.pin)
                .id(PIN_INPUT)
                .secure(true)
                .on_input(Message::Pin)
                .on_submit(Message::Submit)
                .padding(12)
                .size(24)
                .width(220),
        ]
        .spacing(16)
        .align_x(Center);
        if let Some(p) = &self.problem {
            col = col.push(text(p.clone()).style(theme::error));
        }
        col = col.push(
            row![
                button(text(fl!("lock-back")))
                    .padding([10, 18])
                    .style(theme::secondary)
                    .on_press(Message::Back),
                button(text(fl!("lock-unlock")))
                    .padding([10, 18])
                    .style(theme::primary)
                    .on_press(Message::Submit),
            ]
            .spacing(10),
        );
        container(col).padding(32).style(theme::card).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_use_sets_a_pin_twice_then_it_unlocks() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        let mut lock = Lock::new("");
        lock.update(Message::Pin("12ab34".into()));
        assert_eq!(lock.pin, "1234", "only digits");
        assert_eq!(lock.update(Message::Submit), Action::None);
        lock.update(Message::Pin("9999".into()));
        assert_eq!(lock.update(Message::Submit), Action::None);
        assert!(lock.problem.is_some(), "the two entries differ");
        lock.update(Message::Pin("1234".into()));
        lock.update(Message::Submit);
        lock.update(Message::Pin("1234".into()));
        let Action::NewPin(hash) = lock.update(Message::Submit) else {
            panic!("a new PIN")
        };

        let mut lock = Lock::new(&hash);
        lock.update(Message::Pin("4321".into()));
        assert_eq!(lock.update(Message::Submit), Action::None);
        lock.update(Message::Pin("1234".into()));
        assert_eq!(lock.update(Message::Submit), Action::Unlocked);
    }
}
