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

/// The smallest window the screens are laid out for (a 1024×768 screen minus a title bar and
/// a panel).
pub const MIN_SIZE: (f32, f32) = (800.0, 560.0);

/// The size to open at when nothing is remembered: fits 1024×768 with room for a title bar.
pub const FIRST_SIZE: (f32, f32) = (1024.0, 700.0);

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_size_shrinks_to_a_small_monitor() {
        assert_eq!(fit((1100.0, 820.0), (1024.0, 768.0)), (1024.0, 708.0));
        assert_eq!(fit((1100.0, 820.0), (1366.0, 768.0)), (1100.0, 708.0));
        assert_eq!(fit((900.0, 600.0), (1920.0, 1080.0)), (900.0, 600.0));
        // Never below the layout's minimum, unless the monitor is smaller still.
        assert_eq!(fit((300.0, 200.0), (1920.0, 1080.0)), MIN_SIZE);
        assert_eq!(fit((1024.0, 768.0), (640.0, 480.0)), (640.0, 420.0));
    }
}
