//! A few weeks of believable history (payments, the odd cancellation and refund), so the
//! history, refund and payout screens have something to show on first start.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use time::{Duration, OffsetDateTime, Time};

use crate::money::Money;
use crate::payconiq::model::{PaymentStatus, Refund, RefundStatus};

use super::SandboxConfig;
use super::store::{SimPayment, SimRefund, Store, mask_iban, new_id, succeed};

const ITEMS: [(&str, i64, i64); 10] = [
    ("Koffie", 250, 450),
    ("Croissant en koffie", 480, 720),
    ("Lunch", 1150, 2400),
    ("Boeken", 1299, 4599),
    ("Bloemen", 1500, 4500),
    ("Boodschappen", 830, 8650),
    ("Taart", 1800, 3600),
    ("Kapper", 2200, 5500),
    ("Fietsherstelling", 1250, 6800),
    ("Cadeaubon", 2000, 10000),
];

const CUSTOMERS: [(&str, &str); 5] = [
    ("An", "BE71096123456769"),
    ("Pieter", "BE62510007547061"),
    ("Sofie", "BE43068999999501"),
    ("Karim", "BE45001234567889"),
    ("Emma", "BE14001234567890"),
];

/// Seeds `cfg.demo_days` days before today. The same day gives the same history.
pub fn seed(store: &mut Store, cfg: &SandboxConfig, base: &str) {
    if cfg.demo_days == 0 {
        return;
    }
    let today = OffsetDateTime::now_utc().date();
    let mut rng = StdRng::seed_from_u64(u64::from(today.to_julian_day().unsigned_abs()));
    let mut sequence = 0;
    for days_ago in (1..=i64::from(cfg.demo_days)).rev() {
        let day = today - Duration::days(days_ago);
        let count = rng.random_range(6..18);
        let mut times: Vec<i64> = (0..count)
            .map(|_| rng.random_range(8 * 3600..19 * 3600))
            .collect();
        times.sort_unstable();
        for secs in times {
            sequence += 1;
            let at = day.with_time(Time::MIDNIGHT).assume_utc() + Duration::seconds(secs);
            let (item, low, high) = ITEMS[rng.random_range(0..ITEMS.len())];
            let amount = Money::from_cents(rng.random_range(low..=high) / 10 * 10);
            let roll = rng.random_range(0..100);
            let status = match roll {
                0..=4 => PaymentStatus::Cancelled,
                5..=7 => PaymentStatus::Expired,
                8 => PaymentStatus::AuthorizationFailed,
                _ => PaymentStatus::Succeeded,
            };
            let reference = format!("K{}-{sequence:05}", day.to_julian_day() % 10_000);
            let order = super::store::Order {
                amount,
                description: Some(item.into()),
                reference: Some(reference),
                ..Default::default()
            };
            let mut view = super::store::new_payment(cfg, base, &order);
            let id = view.payment_id.clone();
            view.created_at = Some(at);
            view.expire_at = Some(at + cfg.expiry);
            let mut sim = SimPayment {
                view,
                pos_id: None,
                void_enabled: false,
                authorized_at: None,
                ack_deadline: None,
                debtor_iban: None,
                demo: true,
            };
            if status == PaymentStatus::Succeeded {
                let (name, iban) = CUSTOMERS[rng.random_range(0..CUSTOMERS.len())];
                let tip = if rng.random_range(0..10) == 0 { 100 } else { 0 };
                sim.debtor_iban = Some(iban.into());
                sim.view.debtor = Some(crate::payconiq::model::Debtor {
                    name: Some(name.into()),
                    iban: Some(mask_iban(iban)),
                });
                sim.view.tipping_amount = Some(Money::from_cents(tip));
                sim.view.transfer_amount = Some(amount + Money::from_cents(tip));
                sim.view.total_amount = Some(amount + Money::from_cents(tip));
                let paid_at = at + Duration::seconds(rng.random_range(15..70));
                sim.authorized_at = Some(paid_at);
                succeed(&mut sim, paid_at);
                if rng.random_range(0..25) == 0 {
                    let refund_at = paid_at + Duration::hours(rng.random_range(2..30));
                    let partial = rng.random_range(0..2) == 0;
                    let refund_amount = if partial {
                        Money::from_cents(amount.cents() / 2)
                    } else {
                        amount
                    };
                    store.insert_refund(SimRefund {
                        view: Refund {
                            refund_id: new_id(),
                            payment_id: id.clone(),
                            amount: refund_amount,
                            currency: Some("EUR".into()),
                            status: RefundStatus::Pending,
                            description: Some(format!("Terugbetaling {item}")),
                            creation_date: Some(refund_at),
                        },
                        fail: false,
                        idempotency_key: uuid::Uuid::new_v4().to_string(),
                        request: (refund_amount.cents(), None),
                    });
                }
            } else {
                sim.view.status = status;
            }
            store.insert(sim, cfg.retention);
        }
    }
}
