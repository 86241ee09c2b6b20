//! Signed requests seen within the window in which their signature is valid, as the provider
//! keeps them: a request is signed once, and the same signature again is a replay (or, where
//! the API allows it, a retry with what it was first sent with).

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How many insertions between two sweeps of what has run out: memory stays at what one
/// window brings, and a sweep's cost is spread over the requests.
const SWEEP_EVERY: usize = 1024;

pub(crate) struct Seen<V> {
    kept: Duration,
    map: HashMap<String, (V, Instant)>,
    since_sweep: usize,
}

impl<V: Clone> Seen<V> {
    /// Remembers each id for `kept` (its signature's window, and some).
    pub fn new(kept: Duration) -> Seen<V> {
        Seen {
            kept,
            map: HashMap::new(),
            since_sweep: 0,
        }
    }

    /// What `id` was first sent with, when it was seen within its window; otherwise `None`, and
    /// it is kept from now with `with`.
    pub fn first(&mut self, id: &str, with: V) -> Option<V> {
        let kept = self.kept;
        if let Some((first, at)) = self.map.get(id)
            && at.elapsed() < kept
        {
            return Some(first.clone());
        }
        self.since_sweep += 1;
        if self.since_sweep >= SWEEP_EVERY {
            self.since_sweep = 0;
            self.map.retain(|_, (_, at)| at.elapsed() < kept);
        }
        self.map.insert(id.to_string(), (with, Instant::now()));
        None
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.map.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_seen_once_within_its_window_and_forgotten_after() {
        let mut seen = Seen::new(Duration::from_millis(50));
        assert_eq!(seen.first("a", 1), None);
        assert_eq!(seen.first("a", 2), Some(1), "what it was first sent with");
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(seen.first("a", 3), None, "new again after its window");
        // Run-out ids are swept as new ones come: memory holds one window's worth.
        std::thread::sleep(Duration::from_millis(60));
        for n in 0..SWEEP_EVERY {
            seen.first(&n.to_string(), 0);
        }
        assert!(seen.len() <= SWEEP_EVERY, "{}", seen.len());
    }
}
