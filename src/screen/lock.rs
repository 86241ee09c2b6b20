//! The manager lock: a PIN in front of refunds, payouts, stickers and settings. The first time,
//! it asks for a new PIN twice.

use crate::widget::action::button;
use iced::widget::{column, container, row, text, text_input};
use iced::{Center, Element, Fill};

use time::OffsetDateTime;

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
    /// After too many wrong PINs, no PIN is tried before this time.
    locked_until: Option<OffsetDateTime>,
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
    /// A wrong PIN (the app counts them and may lock the entry).
    Wrong,
    /// A new PIN was chosen: store this hash.
    NewPin(String),
    Back,
}

impl Lock {
    pub fn new(stored_hash: &str, locked_until: Option<OffsetDateTime>) -> Lock {
        let mut lock = Lock {
            stored: stored_hash.to_string(),
            pin: String::new(),
            first: None,
            problem: None,
            locked_until: None,
        };
        lock.set_locked_until(locked_until);
        lock
    }

    /// Locks the entry until `until` (after too many wrong PINs), saying until when.
    pub fn set_locked_until(&mut self, until: Option<OffsetDateTime>) {
        self.locked_until = until.filter(|t| *t > OffsetDateTime::now_utc());
        if let Some(t) = self.locked_until {
            self.problem = Some(fl!("lock-locked", time = crate::clock::time_of_day(t)));
        }
    }

    /// Says how many tries are left after a wrong PIN.
    pub fn set_tries_left(&mut self, left: u32) {
        if self.locked_until.is_none() {
            self.problem = Some(fl!("lock-wrong-pin-left", left = left));
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
                    if let Some(t) = self.locked_until {
                        if t > OffsetDateTime::now_utc() {
                            // Not even tried: a locked entry must not answer guesses.
                            self.problem =
                                Some(fl!("lock-locked", time = crate::clock::time_of_day(t)));
                            return Action::None;
                        }
                        self.locked_until = None;
                    }
                    return if pin::verify(&entered, &self.stored) {
                        self.problem = None;
                        Action::Unlocked
                    } else {
                        self.problem = Some(fl!("lock-wrong-pin"));
                        Action::Wrong
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
        // While a PIN is being chosen there is nothing to unlock yet: the button says what it does.
        let (prompt, submit) = match (self.setting_up(), &self.first) {
            (false, _) => (fl!("lock-enter-pin"), fl!("lock-unlock")),
            (true, None) => (fl!("lock-choose-pin"), fl!("lock-next")),
            (true, Some(_)) => (fl!("lock-repeat-pin"), fl!("lock-set-pin")),
        };
        let mut col = column![
            text(fl!("lock-title")).size(28).style(theme::brand),
            text(prompt).size(18).width(Fill).align_x(Center),
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
            col = col.push(
                text(p.clone())
                    .width(Fill)
                    .align_x(Center)
                    .style(theme::error),
            );
        }
        col = col.push(
            row![
                button(text(fl!("lock-back")))
                    .padding([10, 18])
                    .style(theme::secondary)
                    .on_press(Message::Back),
                button(text(submit))
                    .padding([10, 18])
                    .style(theme::primary)
                    .on_press(Message::Submit),
            ]
            .spacing(10),
        );
        // One width for every step, so the card does not jump as the prompt changes.
        container(col)
            .padding(32)
            .width(460)
            .style(theme::card)
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_use_sets_a_pin_twice_then_it_unlocks() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        let mut lock = Lock::new("", None);
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

        let mut lock = Lock::new(&hash, None);
        lock.update(Message::Pin("4321".into()));
        assert_eq!(lock.update(Message::Submit), Action::Wrong);
        lock.update(Message::Pin("1234".into()));
        assert_eq!(lock.update(Message::Submit), Action::Unlocked);
    }

    #[test]
    fn a_locked_entry_does_not_try_the_pin() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        let hash = pin::hash("1234").unwrap();
        let until = OffsetDateTime::now_utc() + time::Duration::seconds(30);
        let mut lock = Lock::new(&hash, Some(until));
        lock.update(Message::Pin("1234".into()));
        assert_eq!(
            lock.update(Message::Submit),
            Action::None,
            "even the right PIN"
        );
        assert!(
            lock.problem
                .as_deref()
                .unwrap()
                .starts_with("Too many wrong PINs")
        );
        let past = OffsetDateTime::now_utc() - time::Duration::seconds(1);
        let mut lock = Lock::new(&hash, Some(past));
        lock.update(Message::Pin("1234".into()));
        assert_eq!(lock.update(Message::Submit), Action::Unlocked);
    }
}
