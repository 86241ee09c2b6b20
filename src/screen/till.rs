//! The till: type an amount (keypad or keyboard), an optional description and reference, Charge.

use crate::widget::action::button;
use iced::keyboard::{self, key::Named};
use iced::widget::{column, container, row, space, text, text_input};
use iced::{Center, Element, Fill, Length, Size};

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
pub const WIDE: f32 = 640.0;

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
    /// A letter was typed on the amount: it went to the description, which takes the focus
    /// for what follows.
    FocusDescription,
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
            // The whole sale: a description left from an abandoned one must not go out with
            // the next.
            Message::Clear => {
                self.amount.clear();
                self.description.clear();
                self.reference.clear();
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
                // Never dropped: a letter starts the description.
                Some(c) if !c.is_control() && !c.is_whitespace() => {
                    self.description.push(c);
                    self.problem = None;
                    return Action::FocusDescription;
                }
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

    /// The till filling `space` (the room the window leaves it): keypad, amount and Charge
    /// grow with the screen; beside each other when there is [`WIDE`] of width, else stacked.
    pub fn view(&self, space: Size) -> Element<'_, Message> {
        let wide = space.width >= WIDE;
        // Sizes follow the height: a 1920×1080 counter screen gets big figures and keys.
        let scale = (space.height / 620.0).clamp(1.0, 1.6);
        let separator = crate::money::decimal_mark(self.lang);
        let amount = text(self.display_amount()).size(52.0 * scale);
        let input = |hint: String, value: &str, id: &'static str| {
            text_input(&hint, value)
                .id(id)
                .on_submit(Message::Charge)
                .padding(12)
                .size(20)
        };
        let description = input(fl!("till-description"), &self.description, DESCRIPTION)
            .on_input(Message::Description);
        let reference =
            input(fl!("till-reference"), &self.reference, REFERENCE).on_input(Message::Reference);
        let problem = self
            .problem_text()
            .map(|p| text(p).size(16).style(theme::error));
        // Charge and Clear as high as a key of the pad beside them (their row lines up with
        // the pad's last), and never below a key's minimum.
        let key_height = (space.height - 40.0 - 3.0 * keypad::GAP) / 4.0;
        let big = if wide {
            key_height
                .clamp(keypad::MIN_KEY, 1.6 * keypad::MIN_KEY)
                .floor()
        } else {
            keypad::MIN_KEY
        };
        // Labels centred in keys of a fixed height (a button puts its content at its padding).
        let label_pad = |size: f32| ((big - size * 1.3) / 2.0).max(0.0);
        let charge = button(
            text(fl!("till-charge"))
                .size(26.0)
                .width(Fill)
                .align_x(Center),
        )
        .height(Length::Fixed(big))
        .padding([label_pad(26.0), 20.0])
        .width(Fill)
        .style(theme::primary)
        .on_press(Message::Charge);
        // Words keep their size (long ones must not wrap); the keys grow around them.
        let clear = button(text(fl!("till-clear")).size(18.0))
            .height(Length::Fixed(big))
            .padding([label_pad(18.0), 20.0])
            .style(theme::secondary)
            .on_press(Message::Clear);
        let keypad = keypad::keypad(separator, 30.0 * scale, Message::Key);
        let buttons = row![clear, charge].spacing(keypad::GAP);
        let panel: Element<'_, Message> = if wide {
            let fields = column![
                container(amount).width(Fill).align_x(iced::Right),
                description,
                reference,
            ]
            .push(problem)
            .spacing(12);
            // Fields and Charge on the left, the keypad on the right; the keys stay about as
            // wide as they are high, so on a wide screen the till is centred, not stretched.
            let keys_width = ((space.height - 40.0) * 0.95).min(space.width * 0.55);
            let fields_width = (space.width - keys_width - 60.0).clamp(FIELDS_WIDTH, 520.0);
            row![
                column![fields, space::vertical(), buttons]
                    .spacing(12)
                    .width(Length::Fixed(fields_width))
                    .height(Fill),
                container(keypad)
                    .width(Length::Fixed(keys_width))
                    .height(Fill)
            ]
            .spacing(20)
            .into()
        } else {
            // Narrow (a window sharing its screen with the customer display): the fields
            // side by side, so the keypad keeps most of the height.
            let fields = column![
                container(text(self.display_amount()).size(44))
                    .width(Fill)
                    .align_x(iced::Right),
                row![description, reference].spacing(8),
            ]
            .push(problem)
            .spacing(8);
            column![fields, keypad, buttons]
                .spacing(10)
                .align_x(Center)
                .width(Length::Fixed((space.width - 24.0).clamp(280.0, 520.0)))
                .height(Fill)
                .into()
        };
        container(panel)
            .padding(if wide { 20 } else { 12 })
            .height(Fill)
            .style(theme::card)
            .into()
    }

    /// The description field, where letters typed on the amount go.
    pub fn description_id() -> iced::widget::Id {
        iced::widget::Id::new(DESCRIPTION)
    }

    pub fn description(&self) -> &str {
        &self.description
    }
}

/// The text fields' widget ids (focused by Tab and by letters typed on the amount).
pub const DESCRIPTION: &str = "till-description";
const REFERENCE: &str = "till-reference";

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
