//! PandaPon previewbatch: every rule broken one at a time, the signed headers, the response.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use ordercraft::api::{parse_response, prepare};
use ordercraft::{Code, Error, Parsed, Severity};
use serde_json::{json, Value};
use support::*;

const ID: &str = "pandapon:/alibaba/order/create/previewbatch";
use Code::*;
use Severity::Warning as W;

fn opts() -> Value {
    json!({ "accessKey": "58c0201dfdf148eca63cbf6bb5e7cf03", "accessSecret": "secret", "userId": "2100007341207" })
}

fn complete() -> Value {
    let mut order = valid_example(ID);
    set(&mut order, "/addressParam/phone", Some(json!("0571-88888888")));
    set(&mut order, "/cargoParamList/0/sellerOpenId", Some(json!("BBBx")));
    set(&mut order, "/cargoParamList/1/sellerOpenId", Some(json!("BBBx")));
    order
}

fn with_complete(pointer: &str, value: Option<Value>) -> Value {
    let mut order = complete();
    set(&mut order, pointer, value);
    order
}

#[test]
fn the_same_offer_and_spec_twice_is_a_warning() {
    let order = with_complete("/cargoParamList/1/specId", Some(json!("cd2b8c31408766f9fb089e74e2a6ac15")));
    assert_only(ID, &order, "/cargoParamList/1", Duplicate, W);
    // The same offer as a number and as a string is the same offer.
    let mut order = order;
    set(&mut order, "/cargoParamList/1/offerId", Some(json!("734714573551")));
    assert_only(ID, &order, "/cargoParamList/1", Duplicate, W);
}

#[test]
fn each_repeat_of_an_offer_names_the_nearest_line_before_it_that_orders_it() {
    let mut order = complete();
    let line = |offer: Value, spec: Option<&str>| {
        let mut line = json!({ "offerId": offer, "quantity": 1, "sellerOpenId": "BBBx" });
        if let Some(spec) = spec {
            line["specId"] = json!(spec);
        }
        line
    };
    let (x, y) = (Some("cd2b8c31408766f9fb089e74e2a6ac15"), Some("eb3358c4a34bf83b60adbbdbcfcc85b1"));
    set(
        &mut order,
        "/cargoParamList",
        Some(json!([
            line(json!(7), x),
            line(json!(8), x),
            line(json!(7), y),
            line(json!("7"), x),
            line(json!(7), None),
            line(json!(7), x),
            line(json!(7), None),
        ])),
    );
    let repeats: Vec<(String, String)> = ordercraft::api::validate(ID, &order, &Value::Null)
        .map(|v| v.issues)
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i.code == Duplicate)
        .map(|i| (i.path, i.message))
        .collect();
    let repeat = |line: usize, earlier: usize| {
        (
            format!("/cargoParamList/{line}"),
            format!("offer 7 with this specId is already ordered by cargoParamList/{earlier}; merge the quantities"),
        )
    };
    // Another offer, another spec or no spec is another line; "7" and 7 are one offer.
    assert_eq!(repeats, [repeat(3, 0), repeat(5, 3), repeat(6, 4)]);
}

#[test]
fn prepare_signs_five_headers_and_sends_the_json_body() {
    let o = json!({ "accessKey": "ak", "accessSecret": "sk", "userId": "u1", "timestamp": 1715669977082_u64, "nonce": "0123456789abcdef0123456789abcdef" });
    let req = prepare(ID, &complete(), &o, &env()).unwrap();
    let h = |n| req.headers.get(n).unwrap_or_default().to_string();
    assert_eq!(req.url, "https://api.pandapon.com/alibaba/order/create/previewbatch");
    assert_eq!(h("access-key"), "ak");
    assert_eq!(h("timestamp"), "1715669977082");
    assert_eq!(h("nonce-str"), "0123456789abcdef0123456789abcdef");
    assert_eq!(h("user-id"), "u1");
    assert_eq!(h("Content-Type"), "application/json");
    // `printf ak17156699770820123456789abcdef0123456789abcdefsk | md5sum`
    assert_eq!(h("signature"), "D1D29031A0F32ED9F8071FDFD0E9F221");
    assert_eq!(
        req.signing.unwrap_or_default().string_to_sign,
        "ak17156699770820123456789abcdef0123456789abcdef********"
    );
    assert_eq!(serde_json::from_str::<Value>(&req.body).unwrap(), complete());
}

#[test]
fn nonce_and_timestamp_default_to_entropy_and_the_clock() {
    let req = prepare(ID, &complete(), &opts(), &env()).unwrap();
    assert_eq!(req.headers.get("nonce-str"), Some("5a".repeat(16).as_str()));
    assert_eq!(req.headers.get("timestamp"), Some("1715669977082"));
}

#[test]
fn unsafe_header_values_are_argument_errors() {
    let mut o = opts();
    o["userId"] = json!("2100007341207\r\nX-Injected: yes");
    assert!(
        matches!(prepare(ID, &complete(), &o, &env()), Err(Error::Argument { ref argument, .. }) if argument == "opts.userId")
    );
}

const DOC_RESPONSE: &str = include_str!("../src/providers/pandapon/preview_batch/success.json");

#[test]
fn the_docs_example_response_parses_typed() {
    let Ok(Parsed::Ok { data, request_id, failures }) = parse_response(ID, DOC_RESPONSE, &Value::Null) else {
        panic!("did not parse")
    };
    assert_eq!(request_id.as_deref(), Some("4b7d1c94daa04be79c80edb3b6b94bcf"));
    assert!(failures.is_empty());
    let preview = &data["orderPreviewResuslt"][0];
    assert_eq!((preview["sumPayment"].clone(), preview["sumCarriage"].clone()), (json!(126600), json!(600)));
    assert_eq!(preview["cargoList"][1]["skuId"], json!(5333621775575_u64));
    assert_eq!(preview["tradeModelList"][0]["tradeType"], json!("assureTrade"));
}

#[test]
fn failed_sellers_are_surfaced_not_buried() {
    let body = json!({ "requestId": "r", "code": 200, "msg": "成功", "data": { "orderPreviewResuslt": [
        { "status": true, "sumPayment": 100 },
        { "status": false, "errorCode": "500_009", "errorMsg": "低于起批量", "sellerOpenId": "S2" },
        { "status": false, "errorCode": "500_004", "errorMsg": "规格不存在" }
    ] } });
    let Ok(Parsed::Ok { failures, .. }) = parse_response(ID, &body.to_string(), &Value::Null) else {
        panic!("did not parse")
    };
    assert_eq!(failures.len(), 2);
    assert_eq!(failures[0].path, "/data/orderPreviewResuslt/1");
    assert_eq!((failures[0].code.as_str(), failures[0].seller_open_id.as_deref()), ("500_009", Some("S2")));
    assert!(failures[0].message.contains("wholesale minimum") && failures[0].message.contains("低于起批量"));
    assert!(failures[1].message.contains("500_004") && failures[1].message.contains("规格不存在"));
}

#[test]
fn non_200_codes_are_errors_with_the_request_id() {
    let Ok(Parsed::Err(e)) =
        parse_response(ID, r#"{"requestId":"r7","code":401,"msg":"签名错误","data":null}"#, &Value::Null)
    else {
        panic!()
    };
    assert_eq!(
        (e.code.as_str(), e.message.as_str(), e.request_id.as_deref(), e.retryable),
        ("401", "签名错误", Some("r7"), false)
    );
    for body in ["", "[]", "{}", "<html/>"] {
        assert!(
            matches!(parse_response(ID, body, &Value::Null), Ok(Parsed::Err(ref e)) if e.code == "parse"),
            "{body}"
        );
    }
}

#[test]
fn a_result_code_is_a_failure_even_under_status_true() {
    let mut answer: Value = serde_json::from_str(DOC_RESPONSE).unwrap();
    answer["data"]["orderPreviewResuslt"][0]["cargoList"][1]["resultCode"] = json!("500_009");
    answer["data"]["orderPreviewResuslt"][0]["cargoList"][1]["message"] = json!("起批量不足");
    let Ok(Parsed::Ok { failures, .. }) = parse_response(ID, &answer.to_string(), &Value::Null) else {
        panic!("expected ok")
    };
    let found: Vec<(&str, &str)> = failures.iter().map(|f| (f.path.as_str(), f.code.as_str())).collect();
    assert_eq!(found, [("/data/orderPreviewResuslt/0/cargoList/1", "500_009")]);
    assert!(failures[0].message.contains("起批量不足"));

    answer["data"]["orderPreviewResuslt"][0]["resultCode"] = json!("500_001");
    let Ok(Parsed::Ok { failures, .. }) = parse_response(ID, &answer.to_string(), &Value::Null) else {
        panic!("expected ok")
    };
    let found: Vec<&str> = failures.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(found, ["/data/orderPreviewResuslt/0", "/data/orderPreviewResuslt/0/cargoList/1"]);
    // The doc's own answer, with every resultCode null, has no failure.
    let Ok(Parsed::Ok { failures, .. }) = parse_response(ID, DOC_RESPONSE, &Value::Null) else { panic!("expected ok") };
    assert!(failures.is_empty());
}
