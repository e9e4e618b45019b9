//! Boundary tests, run in Node by `wasm-pack test --node`: conversions and error classes.
#![cfg(feature = "wasm")]
// clippy takes `#[wasm_bindgen_test]` functions for production code (its test allowances
// in clippy.toml are for `#[test]`): a failed expectation here panics, as in any test.
#![allow(clippy::panic)]

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use ordercraft::wasm::{parse_top_response, prepare_top, top_sign};

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

fn error_name(error: &JsValue) -> Option<String> {
    assert!(error.is_instance_of::<js_sys::Error>(), "not an Error: {error:?}");
    get(error, "name").as_string()
}

#[wasm_bindgen_test]
fn prepared_request_is_a_plain_object_with_plain_headers() {
    let opts = object(r#"{"appKey":"k","appSecret":"s","timestamp":"2024-01-01 00:00:00"}"#);
    let req = prepare_top("a.b", object("{}"), opts).unwrap_or(JsValue::NULL);
    assert_eq!(get(&req, "method").as_string().as_deref(), Some("POST"));
    let headers = get(&req, "headers");
    // json_compatible serialisation: an Object, not a Map.
    assert_eq!(Object::get_prototype_of(&headers), Object::get_prototype_of(&Object::new()));
    assert!(get(&headers, "Content-Type")
        .as_string()
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded")));
    assert!(get(&req, "warnings").is_undefined());
}

#[wasm_bindgen_test]
fn a_date_timestamp_is_read_as_gmt8() {
    let opts = object(r#"{"appKey":"k","appSecret":"s"}"#);
    Reflect::set(&opts, &"timestamp".into(), &js_sys::Date::new(&JsValue::from_f64(0.0))).ok();
    let req = prepare_top("a.b", JsValue::UNDEFINED, opts).unwrap_or(JsValue::NULL);
    let body = get(&req, "body").as_string().unwrap_or_default();
    assert!(body.contains("timestamp=1970-01-01+08%3A00%3A00"), "{body}");
}

#[wasm_bindgen_test]
fn errors_are_named_error_subclasses_with_fields() {
    let bad_opts = object(r#"{"appKey":"k","appSecret":"SECRET-123","signMethod":"sha1"}"#);
    let Err(e) = prepare_top("a.b", object("{}"), bad_opts) else { panic!("expected an error") };
    assert_eq!(error_name(&e).as_deref(), Some("ArgumentError"));
    assert_eq!(get(&e, "argument").as_string().as_deref(), Some("opts.signMethod"));
    assert!(!get(&e, "message").as_string().unwrap_or_default().contains("SECRET-123"));

    let Err(e) = prepare_top("a.b", object(r#"{"sign":"x","v":"1"}"#), object(r#"{"appKey":"k","appSecret":"s"}"#))
    else {
        panic!("expected an error")
    };
    assert_eq!(error_name(&e).as_deref(), Some("OrderValidationError"));
    let issues: js_sys::Array = get(&e, "issues").dyn_into().unwrap_or_default();
    assert_eq!(issues.length(), 2);
    assert_eq!(get(&issues.get(0), "code").as_string().as_deref(), Some("reserved"));
}

#[wasm_bindgen_test]
fn values_that_are_not_json_data_are_argument_errors() {
    let Err(e) = top_sign(JsValue::bigint_from_str("1"), "s", None) else { panic!("expected an error") };
    assert_eq!(error_name(&e).as_deref(), Some("ArgumentError"));
    assert_eq!(get(&e, "argument").as_string().as_deref(), Some("params"));
}

#[wasm_bindgen_test]
fn parse_never_throws_and_uses_camel_case() {
    let parsed =
        parse_top_response("a.b", r#"{"error_response":{"code":27,"msg":"Invalid session","sub_code":"isv.x"}}"#, None)
            .unwrap_or(JsValue::NULL);
    assert_eq!(get(&parsed, "ok").as_bool(), Some(false));
    let error = get(&parsed, "error");
    assert_eq!(get(&error, "subCode").as_string().as_deref(), Some("isv.x"));
    assert_eq!(get(&error, "retryable").as_bool(), Some(false));
}
