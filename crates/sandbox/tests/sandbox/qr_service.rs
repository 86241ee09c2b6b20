//! The sandbox's QR code service, where the payments' `_links.qrcode` point: the bare code as
//! the guide describes it (sizes, defaults, colours), decoding back to the payload; bad
//! parameters get JSON errors.

use kassa_core::payconiq::AuthMode;
use kassa_sandbox::testing::*;

fn decode_luma(img: image::GrayImage) -> String {
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one code");
    grids[0].decode().unwrap().1
}

fn decode_svg(svg: &[u8]) -> String {
    let tree = resvg::usvg::Tree::from_data(svg, &resvg::usvg::Options::default()).unwrap();
    // The service's SVG is in module units: drawn 8 pixels a module, as a screen scales it.
    let scale = 8.0;
    let size = tree.size().to_int_size().scale_by(scale).unwrap();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let rgba =
        image::RgbaImage::from_raw(size.width(), size.height(), pixmap.data().to_vec()).unwrap();
    decode_luma(image::DynamicImage::ImageRgba8(rgba).to_luma8())
}

/// The colours in an image, but white.
fn inks(img: &image::RgbaImage) -> std::collections::BTreeSet<[u8; 3]> {
    img.pixels()
        .map(|p| [p[0], p[1], p[2]])
        .filter(|c| *c != [0xFF; 3])
        .collect()
}

/// The guide's QR code service, line by line: each row asks with some parameters and says
/// what the guide promises for them.
#[tokio::test]
async fn the_qr_service_draws_what_the_guide_says_at_each_size() {
    use kassa_core::qr::{BLACK, DARK_MAGENTA};
    let (_sandbox, client) = setup(AuthMode::ApiKey).await;
    let p = charge(&client, 1250).await;
    let link = p.links.qrcode.as_ref().unwrap().href.clone();
    let deeplink = p.deeplink().unwrap().to_string();
    let http = reqwest::Client::new();
    // (guide line, parameters, side in pixels, module colour)
    let rows: [(&str, &str, u32, [u8; 3]); 7] = [
        (
            "1175: By default, the Payconiq QR code is returned as a PNG, small (S) size and \
             magenta in color.",
            "",
            180,
            DARK_MAGENTA,
        ),
        ("1186: Small (S) = 180x180", "&s=S&f=PNG", 180, DARK_MAGENTA),
        ("1187: Medium (M) = 250x250", "&s=M", 250, DARK_MAGENTA),
        ("1188: Large (L) = 400x400", "&s=L&f=PNG", 400, DARK_MAGENTA),
        (
            "1189: Extra Large (XL) = 800x800",
            "&s=XL",
            800,
            DARK_MAGENTA,
        ),
        (
            "1193: cl Allowed Values: magenta, black",
            "&s=M&cl=black",
            250,
            BLACK,
        ),
        (
            "2655: *If not provided, the default size is Small.",
            "&f=PNG&cl=magenta",
            180,
            DARK_MAGENTA,
        ),
    ];
    for (line, params, side, ink) in rows {
        let r = http.get(format!("{link}{params}")).send().await.unwrap();
        assert_eq!(r.status(), 200, "{line}");
        assert_eq!(r.headers()["content-type"], "image/png", "{line}");
        let img = image::load_from_memory(&r.bytes().await.unwrap())
            .unwrap()
            .to_rgba8();
        assert_eq!((img.width(), img.height()), (side, side), "{line}");
        // The bare code: white and the modules' colour, no frame, no brand colour.
        assert_eq!(inks(&img), [ink].into(), "{line}");
        for corner in [(0, 0), (side - 1, 0), (0, side - 1), (side - 1, side - 1)] {
            assert_eq!(
                img.get_pixel(corner.0, corner.1).0,
                [0xFF; 4],
                "{line}: quiet zone"
            );
        }
        assert_eq!(
            decode_luma(image::DynamicImage::ImageRgba8(img).to_luma8()),
            deeplink
        );
    }

    // "1190: The sizes only applies to PNG format": the SVG scales.
    let r = http
        .get(format!("{link}&f=SVG&s=XL&cl=black"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "image/svg+xml");
    let svg = r.bytes().await.unwrap();
    let text = String::from_utf8_lossy(&svg);
    assert!(
        text.contains("viewBox") && !text.contains("width=\"800\""),
        "{text}"
    );
    assert!(
        text.contains("#000000") && !text.contains("#FF4785"),
        "no frame: {text}"
    );
    assert_eq!(decode_svg(&svg), deeplink);

    for bad in ["&s=XXL", "&f=GIF", "&cl=green"] {
        let r = http.get(format!("{link}{bad}")).send().await.unwrap();
        assert_eq!(r.status(), 400, "{bad}");
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body["code"], "FIELD_IS_INVALID");
        assert!(body["traceId"].is_string() && body["spanId"].is_string());
    }
}

/// Timestamps are written as the guide shows them: `yyyy-MM-ddTHH:mm:ss.SSSZ`.
#[tokio::test]
async fn timestamps_have_milliseconds_as_in_the_guide() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let p = paid(&sandbox, &client, 500, 0).await;
    let r = reqwest::Client::new()
        .get(format!(
            "{}/v3/payments/{}",
            sandbox.base_url(),
            p.payment_id
        ))
        .bearer_auth(&kassa_sandbox::SandboxConfig::for_tests().api_key)
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    let shape = |s: &str| {
        s.len() == 24
            && s.ends_with('Z')
            && s.as_bytes()[19] == b'.'
            && s[20..23].bytes().all(|b| b.is_ascii_digit())
    };
    for field in ["createdAt", "expireAt", "succeededAt"] {
        let v = body[field].as_str().unwrap_or_default();
        assert!(shape(v), "{field}: {v}");
    }
}

/// A sticker's URL as phones meet it: in capitals when the QR code is made in alphanumeric
/// mode (a third-party client, pyconiq, writes it so: the code is smaller), which the provider
/// reads as the same sticker; another merchant's sticker is not this one.
#[tokio::test]
async fn a_sticker_url_in_capitals_is_the_same_sticker() {
    use kassa_core::money::Money;
    use kassa_core::payconiq::AuthMode;
    use kassa_core::payconiq::model::{CreatePayment, CreatePosPayment, PaymentStatus};
    let (sandbox, client) = kassa_sandbox::testing::setup(AuthMode::ApiKey).await;
    let profile = sandbox.config().profile_id.clone();
    let scan = |url: String| async move {
        let resp = reqwest::get(url).await.unwrap();
        let status = resp.status().as_u16();
        let body: serde_json::Value = resp.json().await.unwrap_or_default();
        (status, body)
    };
    for (n, url) in [
        format!(
            "{}/L/1/{}/POS00042",
            sandbox.base_url(),
            profile.to_uppercase()
        ),
        format!("{}/l/1/{profile}/pos00042", sandbox.base_url()),
    ]
    .into_iter()
    .enumerate()
    {
        let p = client
            .create_pos_payment(&CreatePosPayment {
                payment: CreatePayment::new(Money::from_cents(300 + n as i64))
                    .reference(kassa_sandbox::testing::unique_reference()),
                pos_id: "POS00042".into(),
                shop_id: None,
                shop_name: None,
            })
            .await
            .unwrap();
        let (status, body) = scan(url.clone()).await;
        assert_eq!(status, 200, "{url}: {body}");
        assert_eq!(body["paymentId"], p.payment_id.as_str());
        assert_eq!(
            client.get_payment(&p.payment_id).await.unwrap().status,
            PaymentStatus::Identified
        );
    }
    let (status, _) = scan(format!(
        "{}/L/1/5FA1B6C8A2B2C3D4E5F60000/POS00042",
        sandbox.base_url()
    ))
    .await;
    assert_eq!(status, 404, "another merchant's sticker");
}
