//! Any JSON as an order (and any opts) for every endpoint: validate and prepare must return,
//! never panic or hang; a prepared request's header values never hold CR or LF. Any text as an
//! order: the text path (what the JS boundary calls) refuses what serde_json refuses, and answers
//! exactly as the `Value` path does for what it reads (but for a repeated name, its own issue);
//! read as JSON.stringify's text (repeated names not looked for) it never panics, and answers
//! alike where no name repeats.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ordercraft::api::{endpoints, prepare, prepare_json, validate, validate_json, Source};
use ordercraft::endpoint::Env;
use ordercraft::Code;
use serde_json::{json, Value};

fn entropy() -> Option<[u8; 16]> {
    Some([7; 16])
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks what the rest is: an order, or the opts of a valid order.
    let Some((&mode, rest)) = data.split_first() else { return };
    let env = Env { now_ms: 1.7e12, entropy: &entropy };
    let good_opts = json!({ "appKey": "k", "appSecret": "s", "accessKey": "a", "accessSecret": "s", "userId": "u",
        "appToken": "t", "endpoint": "http://x" });
    if mode % 2 == 0 {
        if let Ok(text) = std::str::from_utf8(rest) {
            text_path_matches_value_path(text, &env);
        }
    }
    let Ok(value) = serde_json::from_slice::<Value>(rest) else { return };
    for e in endpoints() {
        let (order, opts) = if mode % 2 == 0 {
            (value.clone(), good_opts.clone())
        } else {
            (ordercraft::api::example(e.id).unwrap_or_default(), value.clone())
        };
        // The mode's upper bits pick the unknown-field policy, so all three are fuzzed.
        let policy = ["refuse", "send", "drop"][usize::from(mode / 2) % 3];
        let checked = validate(e.id, &order, &json!({ "unknownFields": policy }));
        assert!(checked.is_ok());
        // Options meant for other providers are "unknown option" errors; keep only this one's.
        let opts = match opts {
            Value::Object(m) => {
                let mut kept: serde_json::Map<String, Value> =
                    m.into_iter().filter(|(k, _)| e.options.iter().any(|o| o.name == k)).collect();
                kept.insert("unknownFields".into(), json!(policy));
                Value::Object(kept)
            }
            other => other,
        };
        if let Ok(request) = prepare(e.id, &order, &opts, &env) {
            for (_, v) in &request.headers.0 {
                assert!(!v.contains(['\r', '\n']), "header value with a line break");
            }
        }
    }
});

fn text_path_matches_value_path(text: &str, env: &Env) {
    let value = serde_json::from_str::<Value>(text).ok();
    // The text as ordercraft writes it back (compact; numbers as given).
    let written = ordercraft::doc::parse(text, &mut Default::default()).ok().map(|d| d.root.to_string());
    for e in endpoints() {
        let provider_opts = match e.provider {
            "top" => json!({ "appKey": "k", "appSecret": "s", "timestamp": "2024-01-01 00:00:00" }),
            "pandapon" => json!({ "accessKey": "a", "accessSecret": "s", "userId": "u", "nonce": "n", "timestamp": 1 }),
            _ => json!({ "appToken": "t", "appKey": "k", "endpoint": "http://x" }),
        };
        // As the JS boundary reads JSON.stringify's text (repeated names not looked for): it
        // returns whatever the text, and where no name repeats it answers as the checked read.
        let stringified = Source::Stringified { as_given: &|| Ok(()) };
        let trusted = validate_json(e.id, text, &json!({}), stringified);
        let _ = prepare_json(e.id, text, &provider_opts, env, stringified);
        let checked = validate_json(e.id, text, &json!({}), Source::Text);
        let (Some(value), Some(written)) = (&value, &written) else {
            assert!(checked.is_err(), "text serde_json refuses was read");
            continue;
        };
        let Ok(checked) = checked else { panic!("text serde_json reads was refused") };
        if checked.issues.iter().any(|i| i.code == Code::Duplicate && i.message.contains("more than once")) {
            continue;
        }
        assert_eq!(trusted.map(|v| v.issues), Ok(checked.issues.clone()));
        // Whitespace and escapes change nothing: the text and its compact form answer alike.
        let compact = prepare_json(e.id, written, &provider_opts, env, Source::Text);
        assert_eq!(
            validate_json(e.id, written, &json!({}), Source::Text).map(|v| v.issues),
            Ok(checked.issues.clone())
        );
        assert_eq!(prepare_json(e.id, text, &provider_opts, env, Source::Text), compact);
        // Where serde_json's round trip keeps every number's text, the Value path answers alike too.
        if serde_json::to_string(value).is_ok_and(|round_trip| round_trip == *written) {
            assert_eq!(validate(e.id, value, &json!({})).map(|v| v.issues), Ok(checked.issues));
            assert_eq!(prepare(e.id, value, &provider_opts, env), compact);
        }
    }
}
