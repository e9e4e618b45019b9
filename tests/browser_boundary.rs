//! Boundary tests in Chromium (`wasm-pack test --headless --chrome`): Web Crypto nonces, Date
//! timestamps and the error classes, where the package meets a real browser.
#![cfg(feature = "wasm")]
// clippy takes `#[wasm_bindgen_test]` functions for production code (its test allowances
// in clippy.toml are for `#[test]`): a failed expectation here panics, as in any test.
#![allow(clippy::panic)]

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use ordercraft::wasm::{example, prepare, validate};

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

const PANDAPON: &str = "pandapon:/alibaba/order/create/previewbatch";

#[wasm_bindgen_test]
fn nonces_come_from_web_crypto_and_differ() {
    let opts = r#"{"accessKey":"a","accessSecret":"s","userId":"u"}"#;
    let nonce = || {
        let req = prepare(PANDAPON, example(PANDAPON).unwrap_or(JsValue::NULL), object(opts)).unwrap_or(JsValue::NULL);
        get(&get(&req, "headers"), "nonce-str").as_string().unwrap_or_default()
    };
    let (a, b) = (nonce(), nonce());
    assert_eq!(a.len(), 32);
    assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
    assert_ne!(a, b);
}

#[wasm_bindgen_test]
fn validation_errors_are_order_validation_errors_in_the_browser() {
    let Err(e) =
        prepare("eccang:createOrder", object("{}"), object(r#"{"appToken":"t","appKey":"k","endpoint":"http://x"}"#))
    else {
        panic!("expected an error")
    };
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&e, "name").as_string().as_deref(), Some("OrderValidationError"));
    let issues = validate("eccang:createOrder", object("{}"), None).unwrap_or(JsValue::NULL);
    assert_eq!(get(&issues, "ok").as_bool(), Some(false));
}
