//! ECCANG createOrder: every rule broken one at a time, the envelope, the doc's responses.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use ordercraft::api::{parse_response, prepare};
use ordercraft::{Code, Error, Parsed, Severity};
use serde_json::{json, Value};
use support::*;

const ID: &str = "eccang:createOrder";
use Code::*;
use Severity::{Error as E, Warning as W};

fn opts() -> Value {
    json!({ "appToken": "TOKEN-secret", "appKey": "KEY", "endpoint": "http://tms.example.com/default/svc/web-service" })
}

#[test]
fn box_numbers_unique_child_numbers_unique_and_items_in_boxes() {
    // Box 1 renamed to U001 is a duplicate, and item 1's U002 is then in no box.
    assert_eq!(
        issues(ID, &with(ID, "/Volume/1/box_number", Some(json!("U001")))),
        vec![("/Volume/1/box_number".into(), Duplicate, E), ("/ItemArr/1/box_number".into(), Mismatch, E)]
    );
    assert_only(
        ID,
        &with(ID, "/Volume/1/child_number", Some(json!("TEST1234U001"))),
        "/Volume/1/child_number",
        Duplicate,
        E,
    );
    assert_only(ID, &with(ID, "/ItemArr/1/box_number", Some(json!("U003"))), "/ItemArr/1/box_number", Mismatch, E);
    // Without box_number an item is in U001, which exists; renaming that box breaks it.
    let mut order = with(ID, "/ItemArr/0/box_number", None);
    assert!(issues(ID, &order).is_empty());
    set(&mut order, "/Volume/0/box_number", Some(json!("B1")));
    assert_only(ID, &order, "/ItemArr/0/box_number", Mismatch, E);
    // Without Volume there is nothing to match.
    assert!(issues(ID, &with(ID, "/Volume", None)).is_empty());
}

#[test]
fn cash_on_delivery_needs_amount_and_currency() {
    let mut order = with(ID, "/is_COD", Some(json!("Y")));
    assert_eq!(
        issues(ID, &order),
        vec![("/sales_amount".into(), Required, E), ("/sales_currency".into(), Required, E)]
    );
    set(&mut order, "/sales_amount", Some(json!("12.50")));
    set(&mut order, "/sales_currency", Some(json!("PLN")));
    assert!(issues(ID, &order).is_empty());
}

#[test]
fn payment_type_is_accepted_with_a_warning() {
    assert_only(ID, &with(ID, "/payment_type", Some(json!("P"))), "/payment_type", Forbidden, W);
}

fn element_text(xml: &str, name: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(xml).ok()?;
    let node = doc.descendants().find(|n| n.tag_name().name() == name)?;
    Some(node.text().unwrap_or_default().to_string())
}

#[test]
fn the_envelope_is_the_docs_and_carries_the_order_unchanged() {
    let order = valid_example(ID);
    let req = prepare(ID, &order, &opts(), &env()).unwrap();
    assert_eq!(req.url, "http://tms.example.com/default/svc/web-service");
    assert_eq!(req.headers.get("Content-Type"), Some("text/xml; charset=utf-8"));
    let doc = roxmltree::Document::parse(&req.body).unwrap();
    let call = doc.descendants().find(|n| n.tag_name().name() == "callService").unwrap();
    assert_eq!(call.tag_name().namespace(), Some("http://www.example.org/Ec/"));
    let names: Vec<&str> = call.children().filter(|c| c.is_element()).map(|c| c.tag_name().name()).collect();
    assert_eq!(names, ["paramsJson", "appToken", "appKey", "service"]);
    assert_eq!(element_text(&req.body, "service").as_deref(), Some("createOrder"));
    assert_eq!(element_text(&req.body, "appToken").as_deref(), Some("TOKEN-secret"));
    let params: Value = serde_json::from_str(&element_text(&req.body, "paramsJson").unwrap()).unwrap();
    // Numbers stay as the caller gave them: "1" stays text, 5 stays a number.
    assert_eq!(params, order);
    assert!(req.signing.is_none());
}

#[test]
fn any_text_survives_the_envelope() {
    let nasty = "A&B <tag> ]]> </paramsJson><appToken>evil</appToken> \"q\" 'a' 中文 😀 \t\r\n";
    let order = with(ID, "/Consignee/consignee_name", Some(json!(nasty)));
    let req = prepare(ID, &order, &opts(), &env()).unwrap();
    assert!(!req.body.contains("]]>"));
    let params: Value = serde_json::from_str(&element_text(&req.body, "paramsJson").unwrap()).unwrap();
    assert_eq!(params["Consignee"]["consignee_name"], json!(nasty));
    assert_eq!(element_text(&req.body, "appToken").as_deref(), Some("TOKEN-secret"));
}

#[test]
fn options_are_checked_without_quoting_the_token() {
    for (field, value) in [("endpoint", json!("tms.example.com")), ("appToken", json!("a\nb")), ("appKey", json!(5))] {
        let mut o = opts();
        o[field] = value;
        let err = prepare(ID, &valid_example(ID), &o, &env()).err();
        assert!(
            matches!(err, Some(Error::Argument { ref argument, ref message }) if argument == &format!("opts.{field}") && !message.contains("TOKEN")),
            "{field}"
        );
    }
}

const SUCCESS: &str = include_str!("../src/providers/eccang/create_order/success.json");

const FAILURE: &str = include_str!("../src/providers/eccang/create_order/failure.json");

fn soap(json: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.example.org/Ec/"><SOAP-ENV:Body><ns1:callServiceResponse><response>{}</response></ns1:callServiceResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>"#,
        json.replace('&', "&amp;").replace('<', "&lt;")
    )
}

#[test]
fn the_docs_success_and_failure_parse_bare_and_in_soap() {
    for body in [SUCCESS.to_string(), soap(SUCCESS)] {
        let Ok(Parsed::Ok { data, .. }) = parse_response(ID, &body, &Value::Null) else {
            panic!("success did not parse")
        };
        assert_eq!(data["order_code"], json!("EC20188041602884YQ"));
        assert_eq!(data["shipping_method_no"], json!("LZ251182095CN"));
        assert_eq!(data["track_status"], json!(1));
        assert_eq!(data["time_cost(s)"], json!("0.437490940094"));
    }
    for body in [FAILURE.to_string(), soap(FAILURE)] {
        let Ok(Parsed::Err(e)) = parse_response(ID, &body, &Value::Null) else { panic!("failure did not parse") };
        assert_eq!(e.code, "50048");
        assert!(e.message.starts_with("服务异常[EC20188041602885YQ]"));
        assert!(!e.retryable);
        let raw = e.raw.unwrap_or_default();
        assert_eq!(
            (raw["reference_no"].clone(), raw["time_cost(s)"].clone()),
            (json!("TEST0002"), json!("0.6406359672546"))
        );
    }
}

#[test]
fn text_xml_cannot_carry_is_an_error_at_its_field() {
    // At every place in a longer text too: the scan goes eight bytes at a time.
    let placed =
        |c: &str| -> Vec<String> { (0..18).map(|n| format!("{}{c}{}", "a".repeat(n), "b".repeat(n % 5))).collect() };
    for bad in ["a\u{1}b", "\u{0}", "x\u{1f}", "\u{b}", "\u{fffe}", "end\u{ffff}"].into_iter().flat_map(placed) {
        let order = with(ID, "/Consignee/consignee_name", Some(json!(bad)));
        assert_only(ID, &order, "/Consignee/consignee_name", Format, E);
        assert!(matches!(prepare(ID, &order, &opts(), &env()), Err(Error::Validation(_))), "{bad:?}");
    }
    let item = with(ID, "/ItemArr/1/invoice_note", Some(json!("\u{7}")));
    assert_only(ID, &item, "/ItemArr/1/invoice_note", Format, E);
    // Their neighbours are fine: tab, LF, CR, U+FFFD, full-width punctuation (EF BC 8C), U+10FFFF.
    for good in ["a\tb\nc\rd", "\u{fffd}", "张三，李四", "\u{10ffff}", "\u{effe}"].into_iter().flat_map(placed) {
        let order = with(ID, "/Consignee/consignee_name", Some(json!(good)));
        assert!(prepare(ID, &order, &opts(), &env()).is_ok(), "{good:?}");
    }
}

#[test]
fn a_repeated_reference_is_read_as_already_existing() {
    for message in ["参考号 TEST0001 已存在", "Reference TEST0001 already exists"] {
        let answer = json!({ "ask": "Failure", "message": "订单数据不合法", "reference_no": "TEST0001",
            "Error": { "errMessage": message, "errCode": "50002" } });
        let Ok(Parsed::Err(e)) = parse_response(ID, &answer.to_string(), &Value::Null) else {
            panic!("expected a failure")
        };
        assert!(e.already_exists, "{message}");
    }
    // The doc's own failure is a refusal of the data, not a duplicate.
    let Ok(Parsed::Err(e)) = parse_response(ID, FAILURE, &Value::Null) else { panic!("expected a failure") };
    assert!(!e.already_exists);
}
