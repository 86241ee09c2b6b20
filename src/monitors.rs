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

/// Brings the windows of process `pid` forward: a second Kassa started on the same data shows
/// the first instead (X11, through the window manager; elsewhere, or with no window manager,
/// nothing happens).
pub fn raise_window_of(pid: u32) {
    #[cfg(target_os = "linux")]
    let _ = x11_raise(pid);
    #[cfg(not(target_os = "linux"))]
    let _ = pid;
}

#[cfg(target_os = "linux")]
fn x11_raise(pid: u32) -> Option<()> {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt as _, EventMask};
    std::env::var_os("DISPLAY")?;
    let (conn, screen) = x11rb::connect(None).ok()?;
    let root = conn.setup().roots.get(screen)?.root;
    let atom = |name: &[u8]| {
        conn.intern_atom(false, name)
            .ok()?
            .reply()
            .ok()
            .map(|r| r.atom)
    };
    let (list, wm_pid, active) = (
        atom(b"_NET_CLIENT_LIST")?,
        atom(b"_NET_WM_PID")?,
        atom(b"_NET_ACTIVE_WINDOW")?,
    );
    let clients = conn
        .get_property(false, root, list, AtomEnum::WINDOW, 0, 4096)
        .ok()?
        .reply()
        .ok()?;
    let windows: Vec<u32> = clients.value32()?.collect();
    for window in windows {
        let owner = conn
            .get_property(false, window, wm_pid, AtomEnum::CARDINAL, 0, 1)
            .ok()?
            .reply()
            .ok()?;
        if owner.value32().and_then(|mut v| v.next()) == Some(pid) {
            // Source 2: a pager's request, which window managers honour over focus stealing.
            let event = ClientMessageEvent::new(32, window, active, [2u32, 0, 0, 0, 0]);
            conn.send_event(
                false,
                root,
                EventMask::SUBSTRUCTURE_REDIRECT | EventMask::SUBSTRUCTURE_NOTIFY,
                event,
            )
            .ok()?;
        }
    }
    conn.flush().ok()?;
    Some(())
}
