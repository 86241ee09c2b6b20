//! Where the cashier window opens: the last size and place if they still fit the monitor, else
//! a size that does. Till screens are often 1024×768 or 1366×768, so nothing is assumed bigger.

use serde::{Deserialize, Serialize};

/// A window's outer place on the desktop, in logical pixels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// The smallest window the screens are laid out for (a 1024×768 screen shared with a compact
/// customer display, see [`share`], less a title bar and a panel).
pub const MIN_SIZE: (f32, f32) = (700.0, 560.0);

/// The size to open at when nothing is remembered: fits 1024×768 with room for a title bar.
pub const FIRST_SIZE: (f32, f32) = (1024.0, 700.0);

/// The largest window side and the furthest place taken from the settings file: beyond any
/// screen, and within what window systems take (a larger value makes them fail or panic).
const MOST: f32 = 16_384.0;

/// A remembered place a window system can take: sides of 1 to [`MOST`], a place within
/// ±[`MOST`]; none when a value is not a number (`inf`, `nan`), so the first-start size is used.
pub fn sane(p: Place) -> Option<Place> {
    if ![p.x, p.y, p.width, p.height].iter().all(|v| v.is_finite()) {
        return None;
    }
    Some(Place {
        x: p.x.clamp(-MOST, MOST),
        y: p.y.clamp(-MOST, MOST),
        width: p.width.clamp(1.0, MOST),
        height: p.height.clamp(1.0, MOST),
    })
}

/// Room kept for the title bar and a desktop panel when a window must shrink to the monitor.
const DECORATIONS: f32 = 60.0;

/// A size no bigger than `monitor` (less room for decorations), and no smaller than the minimum
/// the layout needs unless the monitor itself is smaller.
pub fn fit(size: (f32, f32), monitor: (f32, f32)) -> (f32, f32) {
    let max_w = monitor.0.max(1.0);
    let max_h = (monitor.1 - DECORATIONS).max(1.0);
    let w = size.0.min(max_w).max(MIN_SIZE.0.min(max_w));
    let h = size.1.min(max_h).max(MIN_SIZE.1.min(max_h));
    (w, h)
}

/// The largest screen a till's cashier window fills on its first start (counter screens are
/// 1024×768 to 1920×1080; a bigger monitor is a desk, where a window is kinder).
pub const TILL_SCREEN: (f32, f32) = (1920.0, 1200.0);

pub fn fills_a_till_screen(monitor: (f32, f32)) -> bool {
    monitor.0 <= TILL_SCREEN.0 && monitor.1 <= TILL_SCREEN.1
}

/// Whether the cashier window takes the whole of `monitor` rather than a window's size: on a
/// till's screen, at the first start, and when the size remembered does not fit (the till
/// moved to a smaller screen: shrunk by the room for decorations, it would leave a strip where
/// no window manager maximizes it, as in a kiosk session).
pub fn fills(first_start: bool, remembered: (f32, f32), monitor: (f32, f32)) -> bool {
    let too_big = remembered.0 > monitor.0 || remembered.1 > monitor.1;
    fills_a_till_screen(monitor) && (first_start || too_big)
}

/// The monitor for the customer display: the first one that does not hold the middle of the
/// cashier window (`None` with a single monitor, or when the monitors are not known).
pub fn display_monitor(monitors: &[Place], cashier: Place) -> Option<Place> {
    let (cx, cy) = (
        cashier.x + cashier.width / 2.0,
        cashier.y + cashier.height / 2.0,
    );
    let holds = |m: &Place| cx >= m.x && cx < m.x + m.width && cy >= m.y && cy < m.y + m.height;
    if monitors.len() < 2 {
        return None;
    }
    monitors.iter().find(|m| !holds(m)).copied()
}

/// The customer display and the cashier window sharing one monitor: the display a compact
/// column at the right edge, the cashier window the rest, so neither covers the other.
/// Returns (cashier, display).
pub fn share(monitor: Place) -> (Place, Place) {
    let width = (monitor.width * 0.3)
        .clamp(300.0, 560.0)
        .min(monitor.width / 2.0);
    let height = (monitor.height - DECORATIONS).max(1.0);
    let cashier = Place {
        width: monitor.width - width,
        height,
        ..monitor
    };
    let display = Place {
        x: monitor.x + cashier.width,
        y: monitor.y,
        width,
        height,
    };
    (cashier, display)
}

/// Whether two windows overlap.
pub fn overlap(a: Place, b: Place) -> bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_till_screen_is_filled_at_first_and_when_the_remembered_size_does_not_fit() {
        let small = (1024.0, 768.0);
        assert!(fills(true, (1100.0, 720.0), small), "first start");
        assert!(
            fills(false, (1280.0, 900.0), small),
            "moved to a smaller screen"
        );
        assert!(
            !fills(false, (900.0, 600.0), small),
            "a window that fits stays a window"
        );
        assert!(
            !fills(false, (2560.0, 1440.0), (3840.0, 2160.0)),
            "a desk stays a desk"
        );
        assert!(
            !fills(true, (1100.0, 720.0), (2560.0, 1440.0)),
            "a desk, even at first"
        );
    }

    #[test]
    fn a_remembered_size_shrinks_to_a_small_monitor() {
        assert_eq!(fit((1100.0, 820.0), (1024.0, 768.0)), (1024.0, 708.0));
        assert_eq!(fit((1100.0, 820.0), (1366.0, 768.0)), (1100.0, 708.0));
        assert_eq!(fit((900.0, 600.0), (1920.0, 1080.0)), (900.0, 600.0));
        // Never below the layout's minimum, unless the monitor is smaller still.
        assert_eq!(fit((300.0, 200.0), (1920.0, 1080.0)), MIN_SIZE);
        assert_eq!(fit((1024.0, 768.0), (640.0, 480.0)), (640.0, 420.0));
    }

    #[test]
    fn one_monitor_is_shared_side_by_side() {
        for (w, h) in [(1024.0, 768.0), (1366.0, 768.0), (1920.0, 1080.0)] {
            let monitor = Place {
                x: 0.0,
                y: 0.0,
                width: w,
                height: h,
            };
            let (cashier, display) = share(monitor);
            assert!(!overlap(cashier, display), "{w}×{h}");
            assert!(display.x + display.width <= w && cashier.height <= h);
            assert!(display.width >= 300.0 && cashier.width >= 700.0, "{w}×{h}");
        }
    }

    #[test]
    fn the_display_goes_to_the_monitor_the_cashier_is_not_on() {
        let place = |x, y, width, height| Place {
            x,
            y,
            width,
            height,
        };
        let left = place(0.0, 0.0, 1024.0, 768.0);
        let right = place(1024.0, 0.0, 800.0, 600.0);
        let till = place(10.0, 30.0, 1000.0, 700.0);
        assert_eq!(display_monitor(&[left, right], till), Some(right));
        assert_eq!(display_monitor(&[right, left], till), Some(right));
        let moved = place(1100.0, 0.0, 700.0, 500.0);
        assert_eq!(display_monitor(&[left, right], moved), Some(left));
        assert_eq!(
            display_monitor(&[left], till),
            None,
            "one monitor: nothing to choose"
        );
        assert_eq!(display_monitor(&[], till), None);
    }
}
