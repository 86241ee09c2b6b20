//! The till's side of the server's callback stream (server-sent events): opened after the last
//! notice it saw, read event by event, and taken for dead when it has been silent for
//! [`SILENCE`] (the server says it is alive every half second), so a network that drops
//! without a word costs the till at most that before it reads the provider itself.

use std::time::Duration;

use super::{PaymentNotice, STREAM_PATH, ShopClient, ShopError, StreamHello};

/// How long a stream may say nothing before it is taken for dead: three of the server's
/// keep-alives.
pub const SILENCE: Duration = Duration::from_millis(1500);

/// What the stream brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// The stream is open, after notice `after`.
    Hello(StreamHello),
    Notice(PaymentNotice),
}

/// An open stream.
pub struct NoticeStream {
    response: reqwest::Response,
    parser: Parser,
}

impl ShopClient {
    /// Opens the stream of the shop's callbacks, after notice `after` (none: from now on).
    pub async fn follow(&self, after: Option<i64>) -> Result<NoticeStream, ShopError> {
        // Its own client: no time limit on the whole answer (it never ends), one on silence.
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .read_timeout(SILENCE)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Kassa/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ShopError::Invalid(e.to_string()))?;
        let mut req = http
            .get(self.url(STREAM_PATH))
            .header("accept", "text/event-stream");
        if let Some(after) = after {
            req = req.header("last-event-id", after.to_string());
        }
        let response = self.sent(req).await?;
        Ok(NoticeStream {
            response,
            parser: Parser::default(),
        })
    }
}

impl NoticeStream {
    /// The next event; an error when the stream ended, broke or went silent.
    pub async fn next(&mut self) -> Result<Item, ShopError> {
        loop {
            if let Some(item) = self.parser.next_item()? {
                return Ok(item);
            }
            let chunk = tokio::time::timeout(SILENCE, self.response.chunk())
                .await
                .map_err(|_| ShopError::Invalid("the stream went silent".into()))?
                .map_err(|e| ShopError::Invalid(format!("the stream broke: {e}")))?;
            match chunk {
                Some(bytes) => self.parser.feed(&bytes)?,
                None => return Err(ShopError::Invalid("the stream ended".into())),
            }
        }
    }
}

/// The largest event accepted (a notice carries a payment of well under 2 KB).
const MAX_EVENT: usize = 256 * 1024;

/// Server-sent events, as the server writes them: `event:`, `id:` and `data:` lines, a blank
/// line ending each; comment lines (`:`) keep the stream alive. Carriage returns are dropped as
/// they come (lines may end in \r\n; JSON never holds a raw one).
#[derive(Default)]
struct Parser {
    pending: Vec<u8>,
}

impl Parser {
    fn feed(&mut self, bytes: &[u8]) -> Result<(), ShopError> {
        self.pending
            .extend(bytes.iter().copied().filter(|b| *b != b'\r'));
        if self.pending.len() > MAX_EVENT {
            return Err(ShopError::Invalid(
                "an event on the stream is too big".into(),
            ));
        }
        Ok(())
    }

    /// The next complete event of a kind we know; others are skipped.
    fn next_item(&mut self) -> Result<Option<Item>, ShopError> {
        while let Some(end) = self.pending.windows(2).position(|w| w == b"\n\n") {
            let block: Vec<u8> = self.pending.drain(..end + 2).collect();
            let block = String::from_utf8_lossy(&block[..end]);
            let (mut kind, mut data) = ("", Vec::new());
            for line in block.lines().filter(|l| !l.starts_with(':')) {
                let (field, value) = line.split_once(':').unwrap_or((line, ""));
                let value = value.strip_prefix(' ').unwrap_or(value);
                match field {
                    "event" => kind = value,
                    "data" => data.push(value),
                    _ => {}
                }
            }
            let data = data.join("\n");
            let invalid = |e: serde_json::Error| ShopError::Invalid(format!("a stream event: {e}"));
            match kind {
                "hello" => {
                    return Ok(Some(Item::Hello(
                        serde_json::from_str(&data).map_err(invalid)?,
                    )));
                }
                "payment" => {
                    return Ok(Some(Item::Notice(
                        serde_json::from_str(&data).map_err(invalid)?,
                    )));
                }
                // Keep-alive comments, and kinds a later server may add.
                _ => {}
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(id: i64) -> PaymentNotice {
        PaymentNotice {
            id,
            payment_id: "p1".into(),
            status: "SUCCEEDED".into(),
            body: "{\"paymentId\":\"p1\"}".into(),
            signature: "a..b".into(),
            received_at_ms: 1,
        }
    }

    #[test]
    fn events_come_whole_however_they_are_cut() {
        let text = format!(
            ": keep-alive\n\nevent: hello\ndata: {{\"after\":4}}\n\nid: 5\nevent: payment\ndata: {}\n\nevent: later-kind\ndata: x\n\n",
            serde_json::to_string(&notice(5)).unwrap()
        );
        for cut in [1, 3, 7, 50, text.len()] {
            let mut p = Parser::default();
            let mut got = Vec::new();
            for piece in text.as_bytes().chunks(cut) {
                p.feed(piece).unwrap();
                while let Some(item) = p.next_item().unwrap() {
                    got.push(item);
                }
            }
            assert_eq!(
                got,
                vec![
                    Item::Hello(StreamHello { after: 4 }),
                    Item::Notice(notice(5))
                ],
                "cut every {cut}"
            );
        }
    }

    #[test]
    fn crlf_lines_and_bad_events_are_told_apart() {
        let mut p = Parser::default();
        p.feed(
            b"event: hello\r\ndata: {\"after\":1}\r\n\r\nevent: payment\r\ndata: {\"id\":\r\n\r\n",
        )
        .unwrap();
        assert_eq!(
            p.next_item().unwrap(),
            Some(Item::Hello(StreamHello { after: 1 }))
        );
        assert!(matches!(p.next_item(), Err(ShopError::Invalid(_))));
        let mut p = Parser::default();
        assert!(p.feed(&vec![b'a'; MAX_EVENT + 1]).is_err());
    }
}
