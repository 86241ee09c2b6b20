use super::*;
use time::macros::datetime;

/// A fixed P-256 key, made once for this vector.
const VECTOR_KEY_PEM: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgBOWn8NxDtEUtmAtU
DmfI2xY/XITTyPPxtFIPDSX6V+6hRANCAAQiUknZc5plHzRGFCemwhwTPnsWg2QD
Kryj4IjysRhEw2rGbdDw7laq6HaieTJe7JNJXLZUhhoSxhmMOe19vSql
-----END PRIVATE KEY-----
";
const VECTOR_KID: &str = "kassa-test-vector";
const VECTOR_PAYLOAD: &str =
    r#"{"paymentId":"5bdaf066b93d1c000bde9683","status":"SUCCEEDED","amount":1250}"#;
/// The header our signer must produce for the vector's claims, byte for byte.
const VECTOR_HEADER_B64: &str = "eyJ0eXAiOiJqb3NlK2pzb24iLCJraWQiOiJrYXNzYS10ZXN0LXZlY3RvciIsImFsZyI6IkVTMjU2IiwiaHR0cHM6Ly9wYXljb25pcS5jb20vaWF0IjoiMjAyNS0wOC0yNlQxMDoyNDoyMy44ODBaIiwiaHR0cHM6Ly9wYXljb25pcS5jb20vanRpIjoiNWQwODljNTc3ZWI0MWMwMDA3ZmNmMTJiIiwiaHR0cHM6Ly9wYXljb25pcS5jb20vcGF0aCI6Ii92My9wYXltZW50cy81YmRhZjA2NmI5M2QxYzAwMGJkZTk2ODMiLCJodHRwczovL3BheWNvbmlxLmNvbS9pc3MiOiI1Y2M2ZTRjMTVhMmMxMTAwMDcxZjBhNWYiLCJodHRwczovL3BheWNvbmlxLmNvbS9zdWIiOiI1Y2M2ZTRjODhiNmU2OTExNTZkMTM3NmQiLCJjcml0IjpbImh0dHBzOi8vcGF5Y29uaXEuY29tL2lhdCIsImh0dHBzOi8vcGF5Y29uaXEuY29tL2p0aSIsImh0dHBzOi8vcGF5Y29uaXEuY29tL3BhdGgiLCJodHRwczovL3BheWNvbmlxLmNvbS9pc3MiLCJodHRwczovL3BheWNvbmlxLmNvbS9zdWIiXX0";
/// A signature made by that key over that header and payload.
const VECTOR_JWS: &str = "eyJ0eXAiOiJqb3NlK2pzb24iLCJraWQiOiJrYXNzYS10ZXN0LXZlY3RvciIsImFsZyI6IkVTMjU2IiwiaHR0cHM6Ly9wYXljb25pcS5jb20vaWF0IjoiMjAyNS0wOC0yNlQxMDoyNDoyMy44ODBaIiwiaHR0cHM6Ly9wYXljb25pcS5jb20vanRpIjoiNWQwODljNTc3ZWI0MWMwMDA3ZmNmMTJiIiwiaHR0cHM6Ly9wYXljb25pcS5jb20vcGF0aCI6Ii92My9wYXltZW50cy81YmRhZjA2NmI5M2QxYzAwMGJkZTk2ODMiLCJodHRwczovL3BheWNvbmlxLmNvbS9pc3MiOiI1Y2M2ZTRjMTVhMmMxMTAwMDcxZjBhNWYiLCJodHRwczovL3BheWNvbmlxLmNvbS9zdWIiOiI1Y2M2ZTRjODhiNmU2OTExNTZkMTM3NmQiLCJjcml0IjpbImh0dHBzOi8vcGF5Y29uaXEuY29tL2lhdCIsImh0dHBzOi8vcGF5Y29uaXEuY29tL2p0aSIsImh0dHBzOi8vcGF5Y29uaXEuY29tL3BhdGgiLCJodHRwczovL3BheWNvbmlxLmNvbS9pc3MiLCJodHRwczovL3BheWNvbmlxLmNvbS9zdWIiXX0..Vpw9rk9XtzXxLYCjtfwPyJ7bj7v2Mkje0qOmbsEBk6jJBvZav3T-Sxx9qnv6nlSqN81q80hJ2Gj18E14segP_g";

fn vector_claims() -> Claims {
    Claims {
        iat: datetime!(2025-08-26 10:24:23.880 UTC),
        jti: "5d089c577eb41c0007fcf12b".into(),
        path: "/v3/payments/5bdaf066b93d1c000bde9683".into(),
        iss: "5cc6e4c15a2c1100071f0a5f".into(),
        sub: "5cc6e4c88b6e691156d1376d".into(),
    }
}

fn vector_key() -> SigningKey {
    SigningKey::from_pem(VECTOR_KEY_PEM.as_bytes(), VECTOR_KID).unwrap()
}

fn vector_keys() -> KeySet {
    KeySet::single(VECTOR_KID, vector_key().verifier().unwrap())
}

/// Signs an arbitrary header (for headers our signer would never make).
fn sign_raw(key: &SigningKey, header: serde_json::Value, payload: &[u8]) -> String {
    let header_b64 = B64.encode(serde_json::to_vec(&header).unwrap());
    let sig = key
        .signer
        .sign(signing_input(&header_b64, payload).as_bytes())
        .unwrap();
    format!("{header_b64}..{}", B64.encode(sig))
}

fn provider_header(key: &SigningKey) -> serde_json::Value {
    serde_json::json!({
        "typ": "JOSE+JSON",
        "kid": key.kid(),
        "alg": "ES256",
        IAT: "2019-03-07T10:24:23.880Z",
        JTI: "abc",
        PATH: "https://shop.example/callback",
        ISS: "Payconiq",
        SUB: "5cc6e4c88b6e691156d1376d",
        "crit": [IAT, JTI, PATH, ISS, SUB],
    })
}

#[test]
#[ignore = "prints a new vector; run by hand only if the format must change"]
fn make_vector() {
    let key = SigningKey::generate(VECTOR_KID).unwrap();
    let jws = key
        .sign(&vector_claims(), VECTOR_PAYLOAD.as_bytes())
        .unwrap();
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "PEM:\n{}\nJWS:\n{jws}", key.to_pem());
}

#[test]
fn header_format_is_fixed() {
    let jws = vector_key()
        .sign(&vector_claims(), VECTOR_PAYLOAD.as_bytes())
        .unwrap();
    let (header, rest) = jws.split_once('.').unwrap();
    assert_eq!(header, VECTOR_HEADER_B64);
    assert!(rest.starts_with('.'), "detached: the payload part is empty");
    let decoded: serde_json::Value = serde_json::from_slice(&B64.decode(header).unwrap()).unwrap();
    assert_eq!(decoded["typ"], "jose+json");
    assert_eq!(decoded["alg"], "ES256");
    assert_eq!(decoded[IAT], "2025-08-26T10:24:23.880Z");
    assert_eq!(decoded["crit"].as_array().unwrap().len(), 5);
}

#[test]
fn the_fixed_vector_verifies() {
    assert!(VECTOR_JWS.starts_with(VECTOR_HEADER_B64));
    let v = verify(
        VECTOR_JWS,
        VECTOR_PAYLOAD.as_bytes(),
        &vector_keys(),
        &Expect::default(),
    )
    .unwrap();
    assert_eq!(v.kid, VECTOR_KID);
    assert_eq!(v.claims, vector_claims());
    // The public half, as a merchant would host it, verifies it too.
    let jwks = vector_key().public_jwks().to_string();
    let hosted = KeySet::parse(jwks.as_bytes()).unwrap();
    verify(
        VECTOR_JWS,
        VECTOR_PAYLOAD.as_bytes(),
        &hosted,
        &Expect::default(),
    )
    .unwrap();
}

#[test]
fn tampering_is_detected() {
    let keys = vector_keys();
    let tampered = VECTOR_PAYLOAD.replace("1250", "1251");
    assert_eq!(
        verify(VECTOR_JWS, tampered.as_bytes(), &keys, &Expect::default()),
        Err(SignatureError::Mismatch)
    );
    // A header swapped for another one (same claims, other path) breaks the signature.
    let other = SigningKey::from_pem(VECTOR_KEY_PEM.as_bytes(), VECTOR_KID).unwrap();
    let mut claims = vector_claims();
    claims.path = "/v3/payments/other".into();
    let other_header = other.sign(&claims, b"").unwrap();
    let spliced = format!(
        "{}{}",
        other_header.split_once('.').unwrap().0,
        &VECTOR_JWS[VECTOR_HEADER_B64.len()..]
    );
    assert_eq!(
        verify(
            &spliced,
            VECTOR_PAYLOAD.as_bytes(),
            &keys,
            &Expect::default()
        ),
        Err(SignatureError::Mismatch)
    );
    // Another key's signature does not pass for this kid.
    let stranger = SigningKey::generate(VECTOR_KID).unwrap();
    let forged = stranger
        .sign(&vector_claims(), VECTOR_PAYLOAD.as_bytes())
        .unwrap();
    assert_eq!(
        verify(
            &forged,
            VECTOR_PAYLOAD.as_bytes(),
            &keys,
            &Expect::default()
        ),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn provider_variants_are_tolerated() {
    let key = SigningKey::generate("es.signature.ext.payconiq.com").unwrap();
    let keys = KeySet::single(key.kid(), key.verifier().unwrap());
    let body = br#"{"paymentId":"5ba37c3d0989e3000758b9d8","status":"SUCCEEDED"}"#;
    let expect = Expect {
        iss: Some(PROVIDER_ISSUER),
        path: Some("https://shop.example/callback"),
        ..Expect::default()
    };
    // Upper-case typ, as in a real callback.
    let jws = sign_raw(&key, provider_header(&key), body);
    verify(&jws, body, &keys, &expect).unwrap();
    // Nanosecond iat (August 2023).
    let mut h = provider_header(&key);
    h[IAT] = "2023-08-14T09:12:44.123456789Z".into();
    let v = verify(&sign_raw(&key, h, body), body, &keys, &expect).unwrap();
    assert_eq!(v.claims.iat.nanosecond(), 123_456_789);
    // No typ at all.
    let mut h = provider_header(&key);
    h.as_object_mut().unwrap().remove("typ");
    verify(&sign_raw(&key, h, body), body, &keys, &expect).unwrap();
    // A DER-encoded signature instead of r||s.
    let raw_jws = sign_raw(&key, provider_header(&key), body);
    let (header, sig) = raw_jws.split_once("..").unwrap();
    let raw = B64.decode(sig).unwrap();
    let der = to_der(&raw);
    assert_ne!(der.len(), 64);
    let der_jws = format!("{header}..{}", B64.encode(&der));
    verify(&der_jws, body, &keys, &expect).unwrap();
}

fn to_der(raw: &[u8]) -> Vec<u8> {
    let int = |half: &[u8]| {
        let mut v: Vec<u8> = half.iter().copied().skip_while(|b| *b == 0).collect();
        if v.first().is_some_and(|b| b & 0x80 != 0) {
            v.insert(0, 0);
        }
        let mut out = vec![0x02, v.len() as u8];
        out.extend(v);
        out
    };
    let body = [int(&raw[..32]), int(&raw[32..])].concat();
    let mut out = vec![0x30, body.len() as u8];
    out.extend(body);
    out
}

#[test]
fn header_rules_are_enforced() {
    let key = SigningKey::generate("k").unwrap();
    let keys = KeySet::single("k", key.verifier().unwrap());
    let body = b"{}";
    let check =
        |h: serde_json::Value| verify(&sign_raw(&key, h, body), body, &keys, &Expect::default());

    let mut h = provider_header(&key);
    h["alg"] = "RS256".into();
    assert!(matches!(check(h), Err(SignatureError::Algorithm(a)) if a == "RS256"));
    let mut h = provider_header(&key);
    h["alg"] = "none".into();
    assert!(matches!(check(h), Err(SignatureError::Algorithm(_))));
    let mut h = provider_header(&key);
    h["typ"] = "JWT".into();
    assert!(matches!(check(h), Err(SignatureError::Type(_))));
    let mut h = provider_header(&key);
    h["crit"] = serde_json::json!([IAT, JTI, PATH, ISS, SUB, "https://example.com/new"]);
    assert!(matches!(check(h), Err(SignatureError::Critical(m)) if m.contains("not understood")));
    let mut h = provider_header(&key);
    h["crit"] = serde_json::json!([JTI, PATH, ISS, SUB]);
    assert!(matches!(check(h), Err(SignatureError::Critical(m)) if m.contains("iat")));
    let mut h = provider_header(&key);
    h.as_object_mut().unwrap().remove(SUB);
    assert!(matches!(check(h), Err(SignatureError::Critical(m)) if m.contains("absent")));
    let mut h = provider_header(&key);
    h.as_object_mut().unwrap().remove("crit");
    assert!(matches!(check(h), Err(SignatureError::Critical(_))));
    let mut h = provider_header(&key);
    h[IAT] = "yesterday".into();
    assert!(matches!(
        check(h),
        Err(SignatureError::Claim { claim: IAT, .. })
    ));
    let mut h = provider_header(&key);
    h["kid"] = "unknown".into();
    assert_eq!(check(h), Err(SignatureError::UnknownKey("unknown".into())));

    let wrong_iss = Expect {
        iss: Some("Payconiq"),
        ..Expect::default()
    };
    let mut h = provider_header(&key);
    h[ISS] = "Mallory".into();
    let jws = sign_raw(&key, h, body);
    assert!(matches!(
        verify(&jws, body, &keys, &wrong_iss),
        Err(SignatureError::Claim { claim: ISS, .. })
    ));
    let stale = Expect {
        max_age: Some(time::Duration::minutes(5)),
        ..Expect::default()
    };
    let jws = sign_raw(&key, provider_header(&key), body);
    assert!(matches!(
        verify(&jws, body, &keys, &stale),
        Err(SignatureError::Claim { claim: IAT, .. })
    ));

    for junk in ["", "abc", "a.b", "a.b.c.d", "!!!..!!!", "e30.attached.c2ln"] {
        assert!(
            matches!(parse(junk), Err(SignatureError::Malformed(_))),
            "{junk}"
        );
    }
}

#[test]
fn keys_import_from_pem_and_jwk_and_reject_junk() {
    let key = SigningKey::generate("k1").unwrap();
    let again = SigningKey::import(&key.to_pem(), "k1").unwrap();
    assert_eq!(again.public_jwk(), key.public_jwk());
    let private_jwk = {
        let mut jwk = key.pair.to_jwk_private_key();
        jwk.set_key_id("from-jwk");
        jwk.to_string()
    };
    let from_jwk = SigningKey::import(&private_jwk, "ignored").unwrap();
    assert_eq!(from_jwk.kid(), "from-jwk");
    assert_eq!(from_jwk.public_jwk()["x"], key.public_jwk()["x"]);
    assert!(SigningKey::import("-----BEGIN NONSENSE-----", "k").is_err());
    assert!(SigningKey::import("{\"kty\":\"RSA\"}", "k").is_err());
    let jwk = key.public_jwk();
    assert_eq!(jwk["kty"], "EC");
    assert_eq!(jwk["crv"], "P-256");
    assert_eq!(jwk["use"], "sig");
    assert!(
        jwk.get("d").is_none(),
        "the public JWK carries no private part"
    );
    assert!(KeySet::parse(b"{\"keys\":[]}").is_err());
    assert!(KeySet::parse(b"not json").is_err());
}
