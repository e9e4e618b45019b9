//! Every rule of the two TOP order endpoints, broken one at a time, natively.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use ordercraft::api::{endpoints, parse_response, prepare, validate};
use ordercraft::{Code, Error, Parsed, Severity};
use serde_json::{json, Value};
use support::*;

const INTENTION: &str = "top:alibaba.intention.order.save";
const TRADE: &str = "top:alibaba.wdk.trade.order.create";
use Code::*;
use Severity::{Error as E, Warning as W};

#[test]
fn registry_lists_both_endpoints_and_their_examples_are_clean() {
    let ids: Vec<&str> = endpoints().iter().map(|e| e.id).collect();
    assert!(ids.contains(&INTENTION) && ids.contains(&TRADE));
    assert_clean(INTENTION);
    assert_clean(TRADE);
    assert!(matches!(validate("top:nope", &json!({}), &Value::Null), Err(Error::UnknownEndpoint { .. })));
}

#[test]
fn big_ids_are_exact_as_strings() {
    let order = with(INTENTION, "/intention_order_products/0/product_id", Some(json!("734714573551000000")));
    assert!(issues(INTENTION, &order).is_empty());
    let found = validate(
        INTENTION,
        &with(INTENTION, "/intention_order_products/0/product_id", Some(json!(1e17))),
        &Value::Null,
    );
    let message = found.map(|v| v.issues[0].message.clone()).unwrap_or_default();
    assert!(message.contains("pass it as a string"), "{message}");
}

#[test]
fn delivery_date_type_decides_which_date_is_required() {
    let l = "/intention_order_logistics";
    let relative_without_duration = with(INTENTION, &format!("{l}/delivery_date_relative_duration"), None);
    assert_only(INTENTION, &relative_without_duration, &format!("{l}/delivery_date_relative_duration"), Required, E);

    let mut absolute = with(INTENTION, &format!("{l}/delivery_date_type"), Some(json!("absolute")));
    assert_eq!(
        issues(INTENTION, &absolute),
        vec![
            (format!("{l}/delivery_date_absolute_time"), Required, E),
            (format!("{l}/delivery_date_relative_duration"), Mismatch, W),
        ]
    );
    set(&mut absolute, &format!("{l}/delivery_date_relative_duration"), None);
    set(&mut absolute, &format!("{l}/delivery_date_absolute_time"), Some(json!("2019-02-30 10:00:00")));
    assert_only(INTENTION, &absolute, &format!("{l}/delivery_date_absolute_time"), Format, E);
    set(&mut absolute, &format!("{l}/delivery_date_absolute_time"), Some(json!("2019-10-10 10:00:00")));
    assert!(issues(INTENTION, &absolute).is_empty());
}

#[test]
fn intention_amounts_are_checked_as_warnings() {
    assert_only(INTENTION, &with(INTENTION, "/order_amount", Some(json!("999"))), "/order_amount", Mismatch, W);
    // Without the shipping fee is accepted too.
    assert!(issues(INTENTION, &with(INTENTION, "/order_amount", Some(json!("1000")))).is_empty());
    let mut over = with(INTENTION, "/advanced_amount", Some(json!("5000")));
    assert_only(INTENTION, &over, "/advanced_amount", Mismatch, W);
    set(&mut over, "/advanced_amount", Some(json!("300")));
    assert!(issues(INTENTION, &over).is_empty());
}

#[test]
fn an_unknown_field_is_an_error_unless_the_caller_says_send_or_drop() {
    let order = with(INTENTION, "/buyer_emial", Some(json!("a@b.com")));
    let v = validate(INTENTION, &order, &Value::Null).ok();
    let issue = v.as_ref().map(|v| &v.issues[0]);
    assert_eq!(issue.map(|i| (i.path.as_str(), i.code, i.severity)), Some(("/buyer_emial", UnknownField, E)));
    assert!(issue.is_some_and(|i| i.message.contains("did you mean `buyer_email`?")));
    assert_eq!(v.map(|v| v.ok), Some(false));
    // prepare refuses it: nothing the caller passed is dropped without a word.
    assert!(matches!(prepare(INTENTION, &order, &opts(), &env()), Err(Error::Validation(v)) if v.len() == 1));

    let with_policy = |policy: &str| {
        let mut o = opts();
        o["unknownFields"] = json!(policy);
        prepare(INTENTION, &order, &o, &env()).ok()
    };
    let sent = with_policy("send");
    let body = sent.as_ref().map(|r| sent_param(&r.body, "intention_order")).unwrap_or_default();
    assert_eq!(body["buyer_emial"], json!("a@b.com"));
    assert_eq!(sent.map(|r| (r.warnings[0].code, r.warnings[0].severity)), Some((UnknownField, W)));
    let dropped = with_policy("drop");
    let body = dropped.as_ref().map(|r| sent_param(&r.body, "intention_order")).unwrap_or_default();
    assert!(body.get("buyer_emial").is_none() && body.get("buyer_email").is_some());
    assert_eq!(dropped.map(|r| r.warnings.len()), Some(1));
    // Unknown fields deep inside are sent too, as given.
    let deep = with(INTENTION, "/intention_order_products/0/colour", Some(json!({ "name": "red" })));
    let mut o = opts();
    o["unknownFields"] = json!("send");
    let req = prepare(INTENTION, &deep, &o, &env()).ok();
    let body = req.as_ref().map(|r| sent_param(&r.body, "intention_order")).unwrap_or_default();
    assert_eq!(body, deep);
    o["unknownFields"] = json!("keep");
    assert!(
        matches!(prepare(INTENTION, &deep, &o, &env()), Err(Error::Argument { argument, .. }) if argument == "opts.unknownFields")
    );
}

#[test]
fn an_order_wrapped_in_its_top_parameter_is_refused() {
    for (id, param) in [(INTENTION, "intention_order"), (TRADE, "trade")] {
        let wrapped = json!({ param: valid_example(id) });
        let v = validate(id, &wrapped, &Value::Null).ok();
        let found: Vec<(String, Code)> =
            v.map(|v| v.issues.into_iter().map(|i| (i.path, i.code)).collect()).unwrap_or_default();
        assert_eq!(found, [(format!("/{param}"), Wrapped)], "{id}");
        assert!(prepare(id, &wrapped, &opts(), &env()).is_err());
    }
}

#[test]
fn blank_required_text_is_missing() {
    for blank in ["", "   ", "\t\n"] {
        assert_only(TRADE, &with(TRADE, "/shop_id", Some(json!(blank))), "/shop_id", Required, E);
        assert_only(
            TRADE,
            &with(TRADE, "/sub_orders/0/sku_code", Some(json!(blank))),
            "/sub_orders/0/sku_code",
            Required,
            E,
        );
    }
    // Optional text may be blank: it says "none".
    assert!(issues(TRADE, &with(TRADE, "/user_mem", Some(json!("")))).is_empty());
}

#[test]
fn pay_fee_formulas_are_errors() {
    // Order: pay = origin − discount + delivery fee.
    assert_only(TRADE, &with(TRADE, "/pay_fee", Some(json!(150))), "/pay_fee", Mismatch, E);
    let mut with_fee = with(TRADE, "/delivery/delivery_fee", Some(json!(500)));
    assert_only(TRADE, &with_fee, "/pay_fee", Mismatch, E);
    set(&mut with_fee, "/pay_fee", Some(json!(600)));
    assert!(issues(TRADE, &with_fee).is_empty());
    // Sub-order: pay = origin − discount.
    assert_only(TRADE, &with(TRADE, "/sub_orders/0/pay_fee", Some(json!(200))), "/sub_orders/0/pay_fee", Mismatch, E);
}

#[test]
fn delivery_window_must_not_end_before_it_starts() {
    let order = with(TRADE, "/delivery/delivery_end_time", Some(json!("2018-01-25 16:59:59")));
    assert_only(TRADE, &order, "/delivery/delivery_end_time", Mismatch, E);
}

#[test]
fn sub_order_ids_are_unique() {
    let mut order = valid_example(TRADE);
    let sub = order["sub_orders"][0].clone();
    if let Some(list) = order["sub_orders"].as_array_mut() {
        list.push(sub);
    }
    // The second copy also makes the trade's origin_fee disagree with the sum: a warning.
    assert_eq!(
        issues(TRADE, &order),
        vec![("/sub_orders/1/out_order_id".into(), Duplicate, E), ("/origin_fee".into(), Mismatch, W)]
    );
}

#[test]
fn implied_sums_are_warnings() {
    let mut order = with(TRADE, "/sub_orders/0/sale_price", Some(json!(99)));
    assert_only(TRADE, &order, "/sub_orders/0/origin_fee", Mismatch, W);
    set(&mut order, "/sub_orders/0/sale_price", Some(json!(100)));
    set(&mut order, "/origin_fee", Some(json!(300)));
    set(&mut order, "/pay_fee", Some(json!(200)));
    assert_only(TRADE, &order, "/origin_fee", Mismatch, W);
}

#[test]
fn ten_faults_are_all_reported() {
    let mut order = valid_example(TRADE);
    for (pointer, value) in [
        ("/pay_time", Some(json!("2019-02-30 10:00:00"))),
        ("/shop_id", None),
        ("/discount_fee", Some(json!(-1))),
        ("/delivery/delivery_geo", Some(json!("east"))),
        ("/delivery/privacy_phone_flag", Some(json!(3))),
        ("/delivery/delivery_end_time", Some(json!("2018-01-25 16:00:00"))),
        ("/sub_orders/0/sku_code", None),
        ("/sub_orders/0/sale_stock_quantity", Some(json!("lots"))),
        ("/sub_orders/0/pay_fee", Some(json!(1))),
        ("/sub_orders/0/handling", Some(json!("yes"))),
    ] {
        set(&mut order, pointer, value);
    }
    let errors: Vec<String> = issues(TRADE, &order).into_iter().filter(|i| i.2 == E).map(|i| i.0).collect();
    assert_eq!(errors.len(), 10, "{errors:?}");
}

fn opts() -> Value {
    json!({ "appKey": "k", "appSecret": "s", "timestamp": "2024-01-01 00:00:00" })
}

fn sent_param(body: &str, name: &str) -> Value {
    let prefix = format!("{name}=");
    body.split('&')
        .find_map(|p| p.strip_prefix(&prefix))
        .map(percent_decode)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap_or(0));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

#[test]
fn prepare_sends_the_order_as_its_business_parameter_unchanged() {
    for (id, param) in [(INTENTION, "intention_order"), (TRADE, "trade")] {
        let order = valid_example(id);
        let req = prepare(id, &order, &opts(), &env()).ok();
        assert_eq!(req.as_ref().map(|r| sent_param(&r.body, param)), Some(order.clone()), "{id}");
        assert!(req.is_some_and(|r| r.warnings.is_empty()));
    }
    let bad = with(TRADE, "/shop_id", None);
    assert!(matches!(prepare(TRADE, &bad, &opts(), &env()), Err(Error::Validation(v)) if v.len() == 1));
}

// The doc's own response examples, as printed (XML), and their JSON equivalents.
const INTENTION_XML: &str = include_str!("../src/providers/top/intention_order/success.xml");
const ERROR_XML: &str = include_str!("../src/providers/top/intention_order/failure.xml");
const TRADE_XML: &str = include_str!("../src/providers/top/trade_order/success.xml");

#[test]
fn doc_response_examples_parse() {
    for body in [
        INTENTION_XML,
        r#"{"alibaba_intention_order_save_response":{"value":{"intention_id":"1234567890"},"request_id":"x"}}"#,
    ] {
        let parsed = parse_response(INTENTION, body, &Value::Null).ok();
        assert!(
            matches!(parsed, Some(Parsed::Ok { ref data, .. }) if data == &json!({ "intention_id": "1234567890" })),
            "{parsed:?}"
        );
    }
    for body in [
        ERROR_XML,
        r#"{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数"}}"#,
    ] {
        let Ok(Parsed::Err(e)) = parse_response(TRADE, body, &Value::Null) else {
            panic!("expected an error for {body}")
        };
        assert_eq!(
            (e.code.as_str(), e.sub_code.as_deref(), e.sub_msg.as_deref(), e.retryable),
            ("50", Some("isv.invalid-parameter"), Some("非法参数"), false)
        );
    }
}

#[test]
fn trade_response_is_typed_from_xml_and_json() {
    let Ok(Parsed::Ok { data, .. }) = parse_response(TRADE, TRADE_XML, &Value::Null) else {
        panic!("XML example did not parse")
    };
    let trade = &data["trade"];
    assert_eq!(data["success"], json!(true));
    assert_eq!(trade["origin_fee"], json!(1000));
    assert_eq!(trade["deliverer"]["deliverer_name"], json!("李四"));
    assert_eq!(trade["delivery"]["privacy_phone_flag"], json!(0));
    assert_eq!(trade["sub_orders"][0]["handling"], json!(true));
    assert_eq!(trade["sub_orders"][0]["pay_fee"], json!(200));
    assert_eq!(trade["sub_orders"][0]["out_order_id"], json!("111-1"));

    // TOP's JSON wraps lists the same way: {"sub_orders":{"suborders":[...]}}.
    let json_body = json!({ "alibaba_wdk_trade_order_create_response": { "result": {
        "success": "true", "trade": { "origin_fee": 1000, "sub_orders": { "suborders": [{ "pay_fee": 200 }, { "pay_fee": 1 }] } } } } });
    let Ok(Parsed::Ok { data, .. }) = parse_response(TRADE, &json_body.to_string(), &Value::Null) else {
        panic!("JSON did not parse")
    };
    assert_eq!(data["success"], json!(true));
    assert_eq!(data["trade"]["sub_orders"], json!([{ "pay_fee": 200 }, { "pay_fee": 1 }]));
}

#[test]
fn a_trade_not_created_is_an_error() {
    let body = json!({ "alibaba_wdk_trade_order_create_response": { "result": {
        "success": false, "error_code": "STOCK_NOT_ENOUGH", "error_msg": "库存不足" }, "request_id": "r2" } });
    let Ok(Parsed::Err(e)) = parse_response(TRADE, &body.to_string(), &Value::Null) else {
        panic!("expected an error")
    };
    assert_eq!(
        (e.code.as_str(), e.message.as_str(), e.request_id.as_deref()),
        ("STOCK_NOT_ENOUGH", "库存不足", Some("r2"))
    );
}

#[test]
fn hema_success_false_in_any_case_or_an_error_code_alone_is_a_failure() {
    let answer = |result: Value| json!({ "alibaba_wdk_trade_order_create_response": { "result": result } }).to_string();
    for result in [
        json!({ "success": "FALSE", "error_code": "E1" }),
        json!({ "success": "False" }),
        json!({ "success": " false " }),
        json!({ "error_code": "STOCK_NOT_ENOUGH", "error_msg": "库存不足" }),
    ] {
        assert!(
            matches!(parse_response(TRADE, &answer(result.clone()), &Value::Null), Ok(Parsed::Err(ref e)) if e.code != "parse"),
            "{result}"
        );
    }
    for result in [json!({ "success": "TRUE" }), json!({ "success": true }), json!({ "trade": {} })] {
        assert!(
            matches!(parse_response(TRADE, &answer(result.clone()), &Value::Null), Ok(Parsed::Ok { .. })),
            "{result}"
        );
    }
    // Neither `success`, nor an error, nor the created trade: whether Hema created the order is
    // not known, so it is not reported as created (a batch counts it unknown, not ok).
    for result in [json!({ "success": "maybe" }), json!({}), json!({ "request_note": "x" }), json!({ "trade": null })] {
        let unclear = parse_response(TRADE, &answer(result.clone()), &Value::Null);
        assert!(matches!(unclear, Ok(Parsed::Err(ref e)) if e.code == "parse"), "{result}: {unclear:?}");
    }
}

#[test]
fn an_intention_answer_without_the_new_id_is_not_reported_as_saved() {
    let answer = |value: Value| json!({ "alibaba_intention_order_save_response": { "value": value } }).to_string();
    for value in [json!({}), Value::Null, json!({ "intention_id": "" }), json!({ "intention_id": null })] {
        let parsed = parse_response(INTENTION, &answer(value.clone()), &Value::Null);
        assert!(
            matches!(parsed, Ok(Parsed::Err(ref e)) if e.code == "parse" && e.message.contains("intention_id")),
            "{value}: {parsed:?}"
        );
    }
    for value in [json!({ "intention_id": "1234567890" }), json!({ "intention_id": 1234567890 })] {
        assert!(
            matches!(parse_response(INTENTION, &answer(value.clone()), &Value::Null), Ok(Parsed::Ok { .. })),
            "{value}"
        );
    }
}

#[test]
fn malformed_responses_are_parse_errors() {
    for body in [
        "<a><b></a>",
        "{",
        "<alibaba_intention_order_save_response/>",
        r#"{"alibaba_intention_order_save_response":{}}"#,
    ] {
        assert!(
            matches!(parse_response(INTENTION, body, &Value::Null), Ok(Parsed::Err(ref e)) if e.code == "parse"),
            "{body}"
        );
    }
}

#[test]
fn simplified_answers_are_read_when_the_request_asked_for_them() {
    let simplify = json!({ "simplify": true });
    // TOP's SDK reads a simplified answer as the method's object itself; errors keep their wrapper.
    let intention = r#"{"value":{"intention_id":"1234567890"},"request_id":"r9"}"#;
    let parsed = parse_response(INTENTION, intention, &simplify).ok();
    assert!(
        matches!(parsed, Some(Parsed::Ok { ref data, ref request_id, .. })
            if data == &json!({ "intention_id": "1234567890" }) && request_id.as_deref() == Some("r9")),
        "{parsed:?}"
    );
    let trade =
        json!({ "result": { "success": true, "trade": { "biz_order_id": "222", "sub_orders": [{ "pay_fee": 1 }] } } });
    let Ok(Parsed::Ok { data, .. }) = parse_response(TRADE, &trade.to_string(), &simplify) else {
        panic!("simplified trade did not parse")
    };
    assert_eq!(data["trade"]["sub_orders"], json!([{ "pay_fee": 1 }]));
    let refused = json!({ "result": { "success": false, "error_code": "E1", "error_msg": "m" } });
    assert!(matches!(parse_response(TRADE, &refused.to_string(), &simplify), Ok(Parsed::Err(ref e)) if e.code == "E1"));
    let error = r#"{"error_response":{"code":25,"msg":"Invalid Signature"}}"#;
    assert!(matches!(parse_response(TRADE, error, &simplify), Ok(Parsed::Err(ref e)) if e.code == "25"));
    // Read as an unsimplified answer, a simplified body is not taken for anything.
    assert!(matches!(parse_response(INTENTION, intention, &Value::Null), Ok(Parsed::Err(ref e)) if e.code == "parse"));
    // The full answer is still read with simplify unset, and an unknown parse option is refused.
    let full = include_str!("../src/providers/top/intention_order/success.json");
    assert!(matches!(parse_response(INTENTION, full, &json!({})), Ok(Parsed::Ok { .. })));
    assert!(matches!(parse_response(INTENTION, full, &json!({ "simplfy": true })), Err(Error::Argument { .. })));
}
