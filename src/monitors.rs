//! The monitors attached, so the customer display can open on the one the cashier is not
//! using. X11 (RandR) on Linux; elsewhere nothing is known and the window manager places it.

use crate::placement::Place;

/// Lists the monitors, in desktop coordinates (empty when that cannot be known here).
pub fn list() -> Vec<Place> {
    #[cfg(target_os = "linux")]
    {
        x11().unwrap_or_default()
    }
    #[cfg(not(target_os = "linux"))]
    {
        Vec::new()
    }
}

#[cfg(target_os = "linux")]
fn x11() -> Option<Vec<Place>> {
    use x11rb::connection::Connection;
    use x11rb::protocol::randr::ConnectionExt as _;
    std::env::var_os("DISPLAY")?;
    let (conn, screen) = x11rb::connect(None).ok()?;
    let root = conn.setup().roots.get(screen)?.root;
    let reply = conn.randr_get_monitors(root, true).ok()?.reply().ok()?;
    Some(
        reply
            .monitors
            .iter()
            .map(|m| Place {
                x: f32::from(m.x),
                y: f32::from(m.y),
                width: f32::from(m.width),
                height: f32::from(m.height),
            })
            .collect(),
    )
}
