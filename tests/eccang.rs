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
fn the_docs_example_order_validates_clean() {
    assert_clean(ID);
}

#[test]
fn required_fields() {
    for pointer in [
        "/reference_no",
        "/shipping_method",
        "/country_code",
        "/order_weight",
        "/order_pieces",
        "/Consignee",
        "/ItemArr",
    ] {
        assert_only(ID, &with(ID, pointer, None), pointer, Required, E);
    }
    assert_only(ID, &with(ID, "/ItemArr", Some(json!([]))), "/ItemArr", Length, E);
}

#[test]
fn single_field_rules() {
    let cases: &[(&str, Value, &str, Code)] = &[
        ("/country_code", json!("POL"), "/country_code", Format),
        ("/country_code", json!("pl"), "/country_code", Format),
        ("/order_weight", json!(0), "/order_weight", Range),
        ("/order_weight", json!("-1"), "/order_weight", Range),
        ("/order_weight", json!(0.1755), "/order_weight", Precision),
        ("/order_weight", json!("0.1755"), "/order_weight", Precision),
        ("/order_weight", json!("heavy"), "/order_weight", Type),
        ("/order_weight", json!("1e3"), "/order_weight", Type),
        ("/order_pieces", json!(0), "/order_pieces", Range),
        ("/order_pieces", json!(1.5), "/order_pieces", Type),
        ("/order_pieces", json!("two"), "/order_pieces", Type),
        ("/is_auto_audit", json!("yes"), "/is_auto_audit", Enum),
        ("/mail_cargo_type", json!(9), "/mail_cargo_type", Enum),
        ("/mail_cargo_type", json!("Gift"), "/mail_cargo_type", Enum),
        ("/is_return", json!(2), "/is_return", Enum),
        ("/cargo_type", json!("X"), "/cargo_type", Enum),
        ("/is_COD", json!("y"), "/is_COD", Enum),
        ("/platform", json!("shopee"), "/platform", Enum),
        ("/extra_service", json!("A1;;B2"), "/extra_service", Format),
        ("/extra_service", json!("A1, B2"), "/extra_service", Format),
        ("/ioss", json!("IM27600000"), "/ioss", Format),
        ("/independent_station_url", json!("shop.example.com"), "/independent_station_url", Format),
        ("/sales_currency", json!("zł"), "/sales_currency", Format),
        ("/Consignee/consignee_certificatetype", json!("DL"), "/Consignee/consignee_certificatetype", Enum),
        (
            "/Consignee/consignee_credentials_period",
            json!("2014/04/15"),
            "/Consignee/consignee_credentials_period",
            Format,
        ),
        (
            "/Consignee/consignee_credentials_period",
            json!("2014-02-30"),
            "/Consignee/consignee_credentials_period",
            Format,
        ),
        ("/Consignee/consignee_taxno_type", json!("5"), "/Consignee/consignee_taxno_type", Enum),
        ("/Consignee/consignee_email", json!("nobody"), "/Consignee/consignee_email", Format),
        ("/Shipper/shipper_tax_number_type", json!(0), "/Shipper/shipper_tax_number_type", Enum),
        ("/Shipper/shipper_countrycode", json!("China"), "/Shipper/shipper_countrycode", Format),
        ("/ItemArr/0/unit_code", json!("KG"), "/ItemArr/0/unit_code", Enum),
        ("/ItemArr/0/is_magnetoelectric", json!("B"), "/ItemArr/0/is_magnetoelectric", Enum),
        ("/ItemArr/0/invoice_weight", json!("0.0333"), "/ItemArr/0/invoice_weight", Precision),
        ("/ItemArr/0/invoice_quantity", json!("one"), "/ItemArr/0/invoice_quantity", Type),
        ("/ItemArr/0/invoice_unitcharge", json!("0,59"), "/ItemArr/0/invoice_unitcharge", Type),
        ("/ItemArr/0/country_of_origin", json!("CHN"), "/ItemArr/0/country_of_origin", Format),
        ("/Volume/0/length", json!(0), "/Volume/0/length", Range),
        ("/Volume/0/weight", json!("1.2505"), "/Volume/0/weight", Precision),
        ("/Volume/0/child_number", json!("TEST-1234"), "/Volume/0/child_number", Format),
        ("/Volume/0/child_number", json!("A".repeat(51)), "/Volume/0/child_number", Format),
    ];
    for (pointer, value, path, code) in cases {
        assert_only(ID, &with(ID, pointer, Some(value.clone())), path, *code, E);
    }
    // Enumerated digits as numbers or as text, both accepted.
    for (pointer, value) in [
        ("/mail_cargo_type", json!(4)),
        ("/mail_cargo_type", json!("8")),
        ("/is_return", json!("1")),
        ("/is_return", json!(0)),
    ] {
        assert!(issues(ID, &with(ID, pointer, Some(value.clone()))).is_empty(), "{pointer} {value}");
    }
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
    let nasty = "A&B <tag> ]]> </paramsJson><appToken>evil</appToken> \"q\" 'a' 中文 😀 \u{1} \t\r\n";
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

const SUCCESS: &str = r#"{
	"ask": "Success",
	"message": "Success",
	"reference_no": "TEST0001",
	"shipping_method_no": "LZ251182095CN",
	"order_code": "EC20188041602884YQ",
	"track_status": 1,
	"sender_info_status": 1,
	"ODA": "",
	"agent_number": "",
	"system_number": "",
	"time_cost(s)": "0.437490940094"
}"#;

const FAILURE: &str = r#"{
	"ask": "Failure",
	"message": "订单数据不合法",
	"reference_no": "TEST0002",
	"Error": {
		"errMessage": "服务异常[EC20188041602885YQ]换号失败。输入验证失败:收货人所在州参数长于最大长度,错误代码:202",
		"errCode": "50048"
	},
	"time_cost(s)": "0.6406359672546"
}"#;

fn soap(json: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.example.org/Ec/"><SOAP-ENV:Body><ns1:callServiceResponse><response>{}</response></ns1:callServiceResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>"#,
        json.replace('&', "&amp;").replace('<', "&lt;")
    )
}

#[test]
fn the_docs_success_and_failure_parse_bare_and_in_soap() {
    for body in [SUCCESS.to_string(), soap(SUCCESS)] {
        let Ok(Parsed::Ok { data, .. }) = parse_response(ID, &body) else { panic!("success did not parse") };
        assert_eq!(data["order_code"], json!("EC20188041602884YQ"));
        assert_eq!(data["shipping_method_no"], json!("LZ251182095CN"));
        assert_eq!(data["track_status"], json!(1));
        assert_eq!(data["time_cost(s)"], json!("0.437490940094"));
    }
    for body in [FAILURE.to_string(), soap(FAILURE)] {
        let Ok(Parsed::Err(e)) = parse_response(ID, &body) else { panic!("failure did not parse") };
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
