//! The sandbox's QR code service, where the payments' `_links.qrcode` point: PNG at each size
//! and SVG, magenta or black, decode back to the payload; bad parameters get JSON errors.

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
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let rgba =
        image::RgbaImage::from_raw(size.width(), size.height(), pixmap.data().to_vec()).unwrap();
    decode_luma(image::DynamicImage::ImageRgba8(rgba).to_luma8())
}

#[tokio::test]
async fn the_advertised_qr_link_serves_png_and_svg_that_decode_to_the_payload() {
    let (_sandbox, client) = setup(AuthMode::ApiKey).await;
    let p = charge(&client, 1250).await;
    let link = p.links.qrcode.as_ref().unwrap().href.clone();
    let deeplink = p.deeplink().unwrap().to_string();
    let http = reqwest::Client::new();
    for size in ["S", "M", "L", "XL"] {
        let r = http
            .get(format!("{link}&s={size}&f=PNG"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "image/png");
        let img = image::load_from_memory(&r.bytes().await.unwrap()).unwrap();
        let expected = kassa_core::qr::QrSize::ALL
            .into_iter()
            .find(|q| q.label() == size)
            .unwrap()
            .pixels();
        assert_eq!(img.width(), expected, "size {size}");
        assert_eq!(decode_luma(img.to_luma8()), deeplink);
    }
    let r = http
        .get(format!("{link}&f=SVG&cl=black"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "image/svg+xml");
    assert_eq!(decode_svg(&r.bytes().await.unwrap()), deeplink);

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
