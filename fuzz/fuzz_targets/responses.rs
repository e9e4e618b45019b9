//! Any text as a gateway's answer: every endpoint's parser and each provider's generic reader
//! (TOP JSON and XML, PandaPon JSON, SOAP/XML) must return, never panic or hang; the JSON
//! reader they share reads exactly what serde_json reads, and the XML reader reads well-formed
//! XML as a conforming parser does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ordercraft::api::{endpoints, parse_response};
use ordercraft::providers::{eccang, pandapon, top};
use ordercraft::response::ParseOptions;
use serde_json::Value;

#[path = "../../tests/support/conforming_xml.rs"]
mod conforming_xml;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    assert_eq!(ordercraft::doc::read_value(text).ok(), serde_json::from_str::<Value>(text).ok());
    for e in endpoints() {
        assert!(parse_response(e.id, text, &Value::Null).is_ok());
    }
    for simplify in [false, true] {
        let _ = top::parse_top_response("alibaba.wdk.trade.order.create", text, &ParseOptions { simplify });
    }
    let _ = pandapon::parse(text);
    let _ = eccang::parse(text);
    let _ = ordercraft::xml::to_value(text);
    // Well-formed XML reads as a conforming parser reads it. (What it refuses, src/xml.rs refuses
    // too as far as tests/xml.rs shows; it is not held to that here, where a rare corner of the
    // grammar neither reader's answers use would stop the run.)
    let read = ordercraft::xml::read(text);
    if let Some(conforming) = conforming_xml::read(text) {
        assert_eq!(read, Ok(conforming));
    }
});
