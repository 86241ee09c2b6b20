//! The till: type an amount (keypad or keyboard), an optional description and reference, Charge.

use iced::keyboard::{self, key::Named};
use iced::widget::{button, column, container, row, text, text_input};
use iced::{Center, Element, Fill, Length};

use crate::fl;
use crate::i18n::Lang;
use crate::money::{Money, MoneyError};
use crate::payconiq::validate::{self, Field, ValidationError};
use crate::theme;
use crate::widget::keypad::{self, Key};

/// Largest number of digits before the separator (9 999 euros).
const MAX_WHOLE_DIGITS: usize = 4;

/// The width of the amount, the fields and the buttons.
const FIELDS_WIDTH: f32 = 320.0;

/// The width from which the keypad goes beside the fields instead of below them.
pub const WIDE: f32 = 680.0;

#[derive(Debug, Default)]
pub struct Till {
    /// What was typed, with '.' as the decimal mark whatever the locale.
    amount: String,
    description: String,
    reference: String,
    /// Why the last Charge was refused.
    problem: Option<String>,
    lang: Lang,
}

#[derive(Debug, Clone)]
pub enum Message {
    Key(Key),
    Clear,
    Description(String),
    Reference(String),
    Charge,
    Keyboard(keyboard::Event),
}

/// What the till asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Charge {
        amount: Money,
        description: Option<String>,
        reference: Option<String>,
    },
}

impl Till {
    pub fn new(lang: Lang) -> Till {
        Till {
            lang,
            ..Till::default()
        }
    }

    /// A till pre-filled for "Try again" after an expired payment.
    pub fn with(lang: Lang, amount: Money, description: Option<String>) -> Till {
        Till {
            amount: amount.to_decimal_string(),
            description: description.unwrap_or_default(),
            ..Till::new(lang)
        }
    }

    /// Shows why the last charge failed (e.g. the API refused it).
    pub fn set_problem(&mut self, problem: String) {
        self.problem = Some(problem);
    }

    /// The sale as typed (amount and description), when the amount is valid.
    pub fn sale(&self) -> Option<(Money, Option<String>)> {
        let description = Some(self.description.trim().to_string()).filter(|d| !d.is_empty());
        self.amount().ok().map(|a| (a, description))
    }

    pub fn amount(&self) -> Result<Money, MoneyError> {
        Money::parse(&self.amount)
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Key(k) => self.press(k),
            Message::Clear => {
                self.amount.clear();
                self.problem = None;
            }
            // An edited field is judged as it now reads (see `problem_text`), not by the last
            // Charge.
            Message::Description(d) => {
                self.description = d;
                self.problem = None;
            }
            Message::Reference(r) => {
                self.reference = r;
                self.problem = None;
            }
            Message::Charge => return self.charge(),
            Message::Keyboard(event) => return self.keyboard(event),
        }
        Action::None
    }

    fn keyboard(&mut self, event: keyboard::Event) -> Action {
        let keyboard::Event::KeyPressed { key, text, .. } = event else {
            return Action::None;
        };
        match key.as_ref() {
            keyboard::Key::Named(Named::Enter) => return self.charge(),
            keyboard::Key::Named(Named::Escape) => {
                self.update(Message::Clear);
            }
            keyboard::Key::Named(Named::Backspace) => self.press(Key::Backspace),
            _ => match text.as_deref().and_then(|t| t.chars().next()) {
                Some(d) if d.is_ascii_digit() => self.press(Key::Digit(d)),
                Some(',' | '.') => self.press(Key::Separator),
                _ => {}
            },
        };
        Action::None
    }

    fn press(&mut self, key: Key) {
        self.problem = None;
        match key {
            Key::Digit(d) => {
                let (whole, fraction) = self.amount.split_once('.').unwrap_or((&self.amount, ""));
                let full = if self.amount.contains('.') {
                    fraction.len() >= 2
                } else {
                    whole.len() >= MAX_WHOLE_DIGITS || (whole == "0" && d == '0')
                };
                if full && self.amount.contains('.') {
                    // Never change the amount silently: say why the key did nothing.
                    self.problem = Some(fl!("till-decimal-refused"));
                } else if full && whole.len() >= MAX_WHOLE_DIGITS {
                    self.problem = Some(fl!(
                        "till-digit-refused",
                        max = Money::from_cents(crate::money::MAX_CENTS).format(self.lang)
                    ));
                } else if !full {
                    if self.amount == "0" {
                        self.amount.clear();
                    }
                    self.amount.push(d);
                }
            }
            Key::Separator if !self.amount.contains('.') => {
                if self.amount.is_empty() {
                    self.amount.push('0');
                }
                self.amount.push('.');
            }
            Key::Separator => {}
            Key::Backspace => {
                self.amount.pop();
            }
        }
    }

    fn checked_text(&self) -> Result<(Option<String>, Option<String>), ValidationError> {
        let description = self.description.trim();
        let reference = self.reference.trim();
        validate::check_text(Field::Description, description, validate::DESCRIPTION_MAX)?;
        validate::check_text(Field::Reference, reference, validate::REFERENCE_MAX)?;
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Ok((some(description), some(reference)))
    }

    fn charge(&mut self) -> Action {
        let amount = match self.amount() {
            Ok(a) => a,
            Err(e) => {
                self.problem = Some(money_problem(&e, self.lang));
                return Action::None;
            }
        };
        match self.checked_text() {
            Ok((description, reference)) => Action::Charge {
                amount,
                description,
                reference,
            },
            Err(e) => {
                self.problem = Some(field_problem(&e));
                Action::None
            }
        }
    }

    /// What is wrong right now: the last refusal, else the fields as they read (checked while
    /// typing, not only on Charge).
    pub fn problem_text(&self) -> Option<String> {
        self.problem
            .clone()
            .or_else(|| self.checked_text().err().map(|e| field_problem(&e)))
    }

    /// The amount as the customer will see it.
    pub fn display_amount(&self) -> String {
        Money::parse_unchecked(&self.amount)
            .unwrap_or_default()
            .format(self.lang)
    }

    /// `wide`: lay the keypad beside the fields (there is at least [`WIDE`] of width).
    pub fn view(&self, wide: bool) -> Element<'_, Message> {
        let separator = crate::money::decimal_mark(self.lang);
        let amount = text(self.display_amount()).size(52);
        let description = text_input(&fl!("till-description"), &self.description)
            .on_input(Message::Description)
            .on_submit(Message::Charge)
            .padding(10)
            .size(18);
        let reference = text_input(&fl!("till-reference"), &self.reference)
            .on_input(Message::Reference)
            .on_submit(Message::Charge)
            .padding(10)
            .size(18);
        let problem = self
            .problem_text()
            .map(|p| text(p).size(16).style(theme::error));
        let charge = button(
            text(fl!("till-charge"))
                .size(26)
                .width(Fill)
                .align_x(Center),
        )
        .padding([14, 24])
        .width(Fill)
        .style(theme::primary)
        .on_press(Message::Charge);
        let clear = button(text(fl!("till-clear")).size(18).align_x(Center))
            .padding([16, 20])
            .style(theme::secondary)
            .on_press(Message::Clear);
        let fields = column![
            container(amount).width(Fill).align_x(iced::Right),
            description,
            reference,
        ]
        .push(problem)
        .spacing(12)
        .width(Length::Fixed(FIELDS_WIDTH));
        let keypad = keypad::keypad(separator, Message::Key);
        let buttons = row![clear, charge].spacing(10);
        // Wide: fields and buttons beside the keypad, so the whole till fits 768 pixels high.
        let panel: Element<'_, Message> = if wide {
            row![
                column![fields, buttons]
                    .spacing(12)
                    .width(Length::Fixed(FIELDS_WIDTH)),
                keypad
            ]
            .spacing(20)
            .into()
        } else {
            column![fields, keypad, buttons]
                .spacing(12)
                .align_x(Center)
                .width(Length::Fixed(FIELDS_WIDTH))
                .into()
        };
        container(panel).padding(20).style(theme::card).into()
    }
}

pub use crate::words::money_problem;

pub fn field_problem(e: &ValidationError) -> String {
    use validate::Problem;
    let field = match e.field {
        Field::Reference => fl!("till-reference"),
        _ => fl!("till-description"),
    };
    match &e.problem {
        Problem::TooLong { max, len } => fl!(
            "field-too-long",
            field = field,
            max = max.to_string(),
            len = len.to_string()
        ),
        Problem::Character { found, position } => fl!(
            "field-bad-character",
            field = field,
            found = found.to_string(),
            position = position.to_string()
        ),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &str) -> Till {
        let mut t = Till::new(Lang::Nl);
        for c in keys.chars() {
            let k = match c {
                ',' => Key::Separator,
                '<' => Key::Backspace,
                d => Key::Digit(d),
            };
            t.update(Message::Key(k));
        }
        t
    }

    #[test]
    fn keypad_builds_an_amount() {
        assert_eq!(typed("12,50").amount().unwrap().cents(), 1250);
        assert_eq!(typed("12,50").display_amount(), "€ 12,50");
        assert_eq!(typed(",5").amount().unwrap().cents(), 50);
        assert_eq!(
            typed("12,345").amount().unwrap().cents(),
            1234,
            "third decimal ignored"
        );
        assert_eq!(
            typed("99999").amount().unwrap().cents(),
            999_900,
            "at most four whole digits"
        );
        assert_eq!(typed("12<3").amount().unwrap().cents(), 1300);
        assert_eq!(typed("1,,5").amount().unwrap().cents(), 150);
        assert_eq!(typed("00").display_amount(), "€ 0,00");
    }

    #[test]
    fn charge_refuses_with_a_reason_and_keeps_the_input() {
        crate::i18n::set_language(Lang::En);
        let mut t = typed("0");
        assert_eq!(t.update(Message::Charge), Action::None);
        assert!(t.problem.is_some());
        let mut t = typed("5");
        t.update(Message::Description("Pizza 🍕".into()));
        assert_eq!(t.update(Message::Charge), Action::None);
        assert!(t.problem.as_deref().unwrap().contains("🍕"));
        assert_eq!(t.amount().unwrap().cents(), 500, "nothing typed is lost");
        t.update(Message::Description("Pizza".into()));
        assert_eq!(
            t.update(Message::Charge),
            Action::Charge {
                amount: Money::from_cents(500),
                description: Some("Pizza".into()),
                reference: None
            }
        );
    }

    #[test]
    fn a_refused_key_says_why_and_names_the_maximum() {
        crate::i18n::set_language(Lang::En);
        let mut t = Till::new(Lang::En);
        for d in "12345".chars() {
            t.update(Message::Key(Key::Digit(d)));
        }
        assert_eq!(t.display_amount(), "€1,234.00", "the amount is not changed");
        assert_eq!(
            t.problem_text().as_deref(),
            Some("Not added: the amount can be at most €9,999.99.")
        );
        t.update(Message::Key(Key::Backspace));
        assert_eq!(t.problem_text(), None, "the next key clears it");
        let t = typed("1,234");
        assert_eq!(t.amount().unwrap().cents(), 123);
        assert_eq!(
            t.problem_text().as_deref(),
            Some("Not added: an amount has at most two decimals.")
        );
    }

    #[test]
    fn limits_are_written_as_money_in_the_language() {
        crate::i18n::set_language(Lang::En);
        assert_eq!(
            money_problem(&MoneyError::TooSmall, Lang::En),
            "The amount must be at least €0.01."
        );
        // The sentence follows the UI language; the money inside it follows `lang`.
        assert!(money_problem(&MoneyError::TooLarge, Lang::Nl).contains("€ 9.999,99"));
    }

    #[test]
    fn field_problems_follow_the_field_as_it_is_edited() {
        crate::i18n::set_language(Lang::En);
        let mut t = typed("5");
        t.update(Message::Description("x".repeat(200)));
        assert!(
            t.problem_text().unwrap().contains("Description"),
            "flagged while typing, before Enter"
        );
        t.update(Message::Description("Pizza 🍕".into()));
        t.update(Message::Charge);
        assert!(t.problem_text().unwrap().contains("🍕"));
        t.update(Message::Description("Pizza".into()));
        assert_eq!(t.problem_text(), None, "fixed field, no stale error");
    }
}
