//! Slips sent to a virtual network printer (a TCP listener on 127.0.0.1 that answers the paper
//! status as an ESC/POS printer does) and read back by a decoder: the text lines as printed in
//! code page PC858, the QR code read with a real QR decoder; and printers that refuse, stay
//! silent or are out of paper, each said within seconds.

mod decode;
mod printer;
mod render;

use std::time::{Duration, Instant};

use kassa_print::transport::{Limits, send};
use kassa_print::{Align, Document, Paper, PrintError, Target};
use printer::{Behaviour, printer};

/// A printer answering as `behaviour` says, for one slip.
async fn one_printer(behaviour: Behaviour) -> (Target, tokio::task::JoinHandle<Vec<u8>>) {
    let (address, slips) = printer(behaviour, 1).await;
    let one = tokio::spawn(async move { slips.await.unwrap().pop().unwrap_or_default() });
    (address.parse().unwrap(), one)
}

fn sale_slip(payload: &str) -> Document {
    Document::new()
        .title("Café Zoë")
        .text("Rue de la Gare 1, 4000 Liège", Align::Centre)
        .text("TVA BE0123.456.789", Align::Centre)
        .rule()
        .text("Crème brûlée, façon grand-mère", Align::Left)
        .pair("Montant", "12,50 €")
        .pair("Pourboire", "1,00 €")
        .total("Total", "13,50 €")
        .rule()
        .text("Payé avec Payconiq by Bancontact", Align::Centre)
        .text("5bdb1685b93d1c000bde96f2", Align::Centre)
        .qr(payload)
}

#[tokio::test]
async fn a_sale_slip_reaches_a_network_printer_and_reads_back() {
    let payload = "https://payconiq.com/pay/2/5bdb1685b93d1c000bde96f2";
    let (target, received) = one_printer(Behaviour::Prints).await;
    let bytes = kassa_print::escpos::encode(&sale_slip(payload), Paper::Mm80).unwrap();
    send(&target, &bytes, Limits::default()).await.unwrap();
    let received = received.await.unwrap();
    let printed = decode::decode(&received);
    assert!(printed.status_asked, "the paper was asked about first");
    assert!(
        printed.lines.contains(&"-".repeat(48)),
        "a rule of plain hyphens (0x2D), not soft ones (0xF0)"
    );
    assert_eq!(printed.page, Some(19), "code page PC858");
    let text = printed.lines.join("\n");
    for expected in [
        "Café Zoë",
        "Rue de la Gare 1, 4000 Liège",
        "Crème brûlée, façon grand-mère",
        "Payé avec Payconiq by Bancontact",
        "5bdb1685b93d1c000bde96f2",
    ] {
        assert!(text.contains(expected), "'{expected}' in\n{text}");
    }
    let total = printed
        .lines
        .iter()
        .find(|l| l.starts_with("Total"))
        .unwrap();
    assert_eq!(
        total.chars().count(),
        48,
        "80 mm paper: figures flush right"
    );
    assert!(total.ends_with("13,50 €"), "{total}");
    assert_eq!(
        printed.qr,
        [payload],
        "the printed code reads as the payload"
    );
    assert_eq!(printed.cuts, 1);

    // Drawn as it comes out of the printer, the paper still scans: the code in the picture
    // reads as the payload.
    let picture = render::paper(&printed.paper, 48);
    assert_eq!(
        picture.width(),
        48 * 12 + 48,
        "80 mm of dots and the margins"
    );
    let gray = image::DynamicImage::ImageRgb8(picture).to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(gray);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one code on the paper");
    assert_eq!(grids[0].decode().unwrap().1, payload);
}

#[tokio::test]
async fn narrow_paper_and_letters_the_page_lacks() {
    let doc = Document::new()
        .pair("Terugbetaling van de bestelling", "€ 1.234,50")
        .text("Zoë’s “crème” — ő", Align::Left);
    let printed = decode::decode(&kassa_print::escpos::encode(&doc, Paper::Mm58).unwrap());
    assert!(
        printed.lines.iter().all(|l| l.chars().count() <= 32),
        "{:?}",
        printed.lines
    );
    assert!(
        printed
            .lines
            .iter()
            .any(|l| l.ends_with("€ 1.234,50") && l.len() >= 10)
    );
    assert!(
        printed.lines.contains(&"Zoë's \"crème\" - ?".to_string()),
        "plain quotes and dash, ? for what the page lacks: {:?}",
        printed.lines
    );
}

#[tokio::test]
async fn printers_that_cannot_print_say_so_within_seconds() {
    let slip =
        kassa_print::escpos::encode(&Document::new().text("x", Align::Left), Paper::Mm80).unwrap();
    let limits = Limits {
        connect: Duration::from_secs(2),
        write: Duration::from_secs(2),
        status: Duration::from_secs(1),
        require_status: true,
    };

    // Nobody listens: refused at once.
    // Bound, never listening: refused, and no other test can take the port meanwhile.
    let held = tokio::net::TcpSocket::new_v4().unwrap();
    held.bind(([127, 0, 0, 1], 0).into()).unwrap();
    let closed = held.local_addr().unwrap().port();
    let target = Target::Tcp {
        host: "127.0.0.1".into(),
        port: closed,
    };
    let started = Instant::now();
    assert!(matches!(
        send(&target, &slip, limits).await,
        Err(PrintError::Unreachable(_))
    ));
    assert!(started.elapsed() < Duration::from_secs(5));

    // Takes the connection, never answers: said, not taken for printed.
    let (target, _silent) = one_printer(Behaviour::Silent).await;
    let started = Instant::now();
    assert!(matches!(
        send(&target, &slip, limits).await,
        Err(PrintError::NoAnswer(_))
    ));
    assert!(started.elapsed() < Duration::from_secs(5));

    // Out of paper: said before the slip is sent.
    let (target, received) = one_printer(Behaviour::PaperOut).await;
    assert_eq!(
        send(&target, &slip, limits).await,
        Err(PrintError::PaperOut)
    );
    assert_eq!(
        received.await.unwrap(),
        [0x10, 0x04, 0x04],
        "nothing printed"
    );
}
