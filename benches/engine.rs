//! Engine benchmarks: JWS sign and verify per operation, framed-QR render time per size, and
//! sandbox throughput for create + get on loopback. Run with `cargo bench --bench engine`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kassa::money::Money;
use kassa::payconiq::jws::{self, Claims, Expect, KeySet, SigningKey};
use kassa::payconiq::model::CreatePayment;
use kassa::payconiq::{AuthMode, Client, ClientOptions};
use kassa::qr::{self, QrColour, QrSize};
use kassa::sandbox::{Sandbox, SandboxConfig};

const BODY: &[u8] = br#"{"paymentId":"5bdaf066b93d1c000bde9683","status":"SUCCEEDED","amount":1250,"currency":"EUR"}"#;

fn jws_bench(c: &mut Criterion) {
    let key = SigningKey::generate("bench").unwrap();
    let keys = KeySet::single("bench", key.verifier().unwrap());
    let claims = Claims::now("/v3/payments", "merchant", "profile");
    let signature = key.sign(&claims, BODY).unwrap();
    let mut group = c.benchmark_group("jws");
    group.throughput(Throughput::Elements(1));
    group.bench_function("sign ES256", |b| {
        b.iter(|| key.sign(&claims, BODY).unwrap())
    });
    group.bench_function("verify ES256", |b| {
        b.iter(|| jws::verify(&signature, BODY, &keys, &Expect::default()).unwrap())
    });
    group.finish();
}

fn qr_bench(c: &mut Criterion) {
    let payload = "https://pay.bancontact.net/pay/2/5bdb1685b93d1c000bde96f2";
    let mut group = c.benchmark_group("framed QR render");
    for size in QrSize::ALL {
        group.bench_function(
            format!("{} ({} px) RGBA", size.label(), size.pixels()),
            |b| b.iter(|| qr::render(payload, size, QrColour::Magenta).unwrap()),
        );
    }
    group.bench_function("XL PNG encode", |b| {
        let img = qr::render(payload, QrSize::XL, QrColour::Magenta).unwrap();
        b.iter(|| img.to_png().unwrap())
    });
    group.finish();
}

fn sandbox_bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (sandbox, client) = rt.block_on(async {
        let sandbox = Sandbox::start(SandboxConfig::for_tests(), 0).await.unwrap();
        let client = Client::new(
            sandbox.account(AuthMode::ApiKey, None),
            ClientOptions::default(),
        )
        .unwrap();
        (sandbox, client)
    });
    let mut group = c.benchmark_group("sandbox loopback");
    // Two requests per iteration: report requests per second.
    group.throughput(Throughput::Elements(2));
    group.bench_function("create + get (API key, signed answers)", |b| {
        b.to_async(&rt).iter(|| async {
            let p = client
                .create_payment(&CreatePayment::new(Money::from_cents(1250)).reference("bench"))
                .await
                .unwrap();
            client.get_payment(&p.payment_id).await.unwrap();
        })
    });
    group.finish();
    drop(sandbox);
}

criterion_group!(benches, jws_bench, qr_bench, sandbox_bench);
criterion_main!(benches);
