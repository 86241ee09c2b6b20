//! Keyboard focus for buttons as well as fields: Tab and Shift-Tab go through every field and
//! button in the order they are laid out, the focused one ringed, Enter or Space presses it.
//!
//! iced's buttons cannot take focus, so [`focusable`] wraps one to take part in iced's own
//! focus operations (the same ones text inputs answer), and [`root`] wraps a window's view to
//! move the focus on Tab. Both keep the focus in the widget tree, as text inputs do.

use iced::advanced::layout;
use iced::advanced::mouse;
use iced::advanced::overlay;
use iced::advanced::renderer::{self, Quad};
use iced::advanced::widget::operation::{Focusable, Operation};
use iced::advanced::widget::{Id, Tree, tree};
use iced::advanced::{Clipboard, Layout, Shell, Widget};
use iced::keyboard::{self, key::Named};
use iced::{Border, Color, Element, Event, Length, Rectangle, Size, Theme, Vector};

use crate::theme;

/// `content` (a button) that Tab can reach; `on_press` is what Enter or Space send while it has
/// the focus (the button's own press, or `None` when it is disabled).
pub fn focusable<'a, M: Clone + 'a>(
    content: impl Into<Element<'a, M>>,
    on_press: Option<M>,
) -> Element<'a, M> {
    Element::new(Focus {
        content: content.into(),
        on_press,
    })
}

/// A window's view whose Tab and Shift-Tab move the focus; with nothing focused, Tab starts at
/// `start` (the till's first field after the amount) when it is on screen. `screen` changes
/// with the screen on show: a button's focus is a place in the widget tree, so a new screen
/// must not inherit the ring (or Enter) of the button that stood there before.
pub fn root<'a, M: 'a>(
    content: Element<'a, M>,
    start: Option<&'static str>,
    screen: u64,
) -> Element<'a, M> {
    Element::new(Root {
        content,
        start,
        screen,
    })
}

/// What a disabled button reports to operations instead of taking part in the focus.
pub struct Disabled;

#[derive(Default)]
struct State {
    focused: bool,
}

impl Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }
    fn focus(&mut self) {
        self.focused = true;
    }
    fn unfocus(&mut self) {
        self.focused = false;
    }
}

struct Focus<'a, M> {
    content: Element<'a, M>,
    on_press: Option<M>,
}

/// How thick the focus ring is.
const RING: f32 = 4.0;

impl<M: Clone> Widget<M, Theme, iced::Renderer> for Focus<'_, M> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        let state = tree.state.downcast_mut::<State>();
        if self.on_press.is_some() {
            operation.focusable(None, layout.bounds(), state);
            // Also as itself, so a new screen can clear the buttons' focus (and only theirs:
            // a field the screen focused on opening keeps it).
            operation.custom(None, layout.bounds(), state);
        } else {
            // Tab passes a disabled button by; it still says where it is (layout tests).
            state.focused = false;
            operation.custom(None, layout.bounds(), &mut Disabled);
        }
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_mut::<State>();
        match event {
            // A pointer user needs no ring.
            Event::Mouse(mouse::Event::ButtonPressed(_))
            | Event::Touch(iced::touch::Event::FingerPressed { .. })
                if state.focused =>
            {
                state.focused = false;
                shell.request_redraw();
            }
            // One press per press: a held key's repeats do not press again.
            Event::Keyboard(keyboard::Event::KeyPressed {
                key: keyboard::Key::Named(Named::Enter | Named::Space),
                repeat,
                ..
            }) if state.focused => {
                if *repeat {
                    shell.capture_event();
                    return;
                }
                if let Some(m) = &self.on_press {
                    shell.publish(m.clone());
                }
                shell.capture_event();
                return;
            }
            _ => {}
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
        if tree.state.downcast_ref::<State>().focused && self.on_press.is_some() {
            use iced::advanced::Renderer as _;
            renderer.fill_quad(
                Quad {
                    bounds: layout.bounds(),
                    border: Border::default()
                        .rounded(10)
                        .width(RING)
                        .color(theme::FOCUS),
                    ..Quad::default()
                },
                Color::TRANSPARENT,
            );
        }
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, iced::Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

struct Root<'a, M> {
    content: Element<'a, M>,
    start: Option<&'static str>,
    screen: u64,
}

/// The screen the buttons' focus belongs to.
#[derive(Default)]
struct RootState {
    screen: u64,
}

/// Clears the focus of every button (fields keep theirs).
struct ClearButtons;

impl Operation for ClearButtons {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }
    fn custom(&mut self, _: Option<&Id>, _: Rectangle, state: &mut dyn std::any::Any) {
        if let Some(state) = state.downcast_mut::<State>() {
            state.focused = false;
        }
    }
}

/// Every focusable widget in layout order: its id and whether it has the focus.
#[derive(Default)]
struct Collect(Vec<(Option<Id>, bool)>);

impl Operation for Collect {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }
    fn focusable(&mut self, id: Option<&Id>, _: Rectangle, state: &mut dyn Focusable) {
        self.0.push((id.cloned(), state.is_focused()));
    }
}

/// Focuses the focusable widget at `target` (in layout order), unfocusing every other.
struct FocusAt {
    target: usize,
    current: usize,
}

impl Operation for FocusAt {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }
    fn focusable(&mut self, _: Option<&Id>, _: Rectangle, state: &mut dyn Focusable) {
        if self.current == self.target {
            state.focus();
        } else {
            state.unfocus();
        }
        self.current += 1;
    }
}

/// Where Tab (or Shift-Tab, `back`) moves the focus among `stops`; round the end it starts
/// again. With nothing focused it starts at `start`, else at the first (or last).
fn next(stops: &[(Option<Id>, bool)], start: Option<&Id>, back: bool) -> Option<usize> {
    let n = stops.len();
    if n == 0 {
        return None;
    }
    let at = stops.iter().position(|(_, focused)| *focused);
    let start = start.and_then(|s| stops.iter().position(|(id, _)| id.as_ref() == Some(s)));
    Some(match (at, back) {
        (Some(i), false) => (i + 1) % n,
        (Some(i), true) => (i + n - 1) % n,
        (None, false) => start.unwrap_or(0),
        (None, true) => start.map_or(n - 1, |s| (s + n - 1) % n),
    })
}

impl<M> Widget<M, Theme, iced::Renderer> for Root<'_, M> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<RootState>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(RootState {
            screen: self.screen,
        })
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        // A new screen: no button keeps a ring from the one before.
        let seen = &mut tree.state.downcast_mut::<RootState>().screen;
        if *seen != self.screen {
            *seen = self.screen;
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                layout,
                renderer,
                &mut ClearButtons,
            );
            shell.request_redraw();
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        let Event::Keyboard(keyboard::Event::KeyPressed {
            key: keyboard::Key::Named(Named::Tab),
            modifiers,
            ..
        }) = event
        else {
            return;
        };
        if shell.is_event_captured() {
            return;
        }
        let content = self.content.as_widget_mut();
        let mut stops = Collect::default();
        content.operate(&mut tree.children[0], layout, renderer, &mut stops);
        let start = self.start.map(Id::new);
        if let Some(target) = next(&stops.0, start.as_ref(), modifiers.shift()) {
            let mut focus = FocusAt { target, current: 0 };
            content.operate(&mut tree.children[0], layout, renderer, &mut focus);
            shell.request_redraw();
        }
        shell.capture_event();
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, iced::Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_goes_round_from_the_start_field() {
        let id = |s: &'static str| Some(Id::new(s));
        let none = [(id("a"), false), (None, false), (id("c"), false)];
        assert_eq!(next(&none, None, false), Some(0));
        assert_eq!(next(&none, None, true), Some(2));
        let start = Id::new("c");
        assert_eq!(next(&none, Some(&start), false), Some(2));
        assert_eq!(next(&none, Some(&start), true), Some(1));
        let on_last = [(id("a"), false), (None, false), (id("c"), true)];
        assert_eq!(next(&on_last, None, false), Some(0), "round the end");
        assert_eq!(next(&on_last, None, true), Some(1));
        assert_eq!(next(&[], None, false), None);
    }
}
