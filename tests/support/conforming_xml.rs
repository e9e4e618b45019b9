//! What a conforming XML parser (roxmltree) makes of a text, converted as `ordercraft::xml` says:
//! an element with child elements an object (a repeated name a list), any other element its text
//! (text and CDATA, not comments), prefixes dropped. The reference `src/xml.rs` is held to, by
//! tests/xml.rs and the `responses` fuzz target (which includes this file).

use serde_json::{Map, Value};

/// The root element's name and value; `None` where the text is not well-formed XML.
pub fn to_value(text: &str) -> Option<(String, Value)> {
    // Left out of the comparison: where roxmltree is lenient, or the two readers tell the
    // declaration from a processing instruction apart differently. roxmltree reads `<:a>` (an
    // empty prefix: not a qualified name) as `<a>`, and a text such as `<?xml\t…?>` after the
    // start as an instruction. Answers carry neither (a declaration, if any, comes first).
    let body = text.trim_start_matches('\u{feff}');
    if text.contains("<:") || body.strip_prefix("<?xml ").unwrap_or(body).contains("<?xml") {
        return None;
    }
    let doc = roxmltree::Document::parse(text).ok()?;
    let root = doc.root_element();
    Some((root.tag_name().name().to_string(), element(root)))
}

fn element(node: roxmltree::Node) -> Value {
    let mut children = node.children().filter(|c| c.is_element()).peekable();
    if children.peek().is_none() {
        return Value::String(node.children().filter(|c| c.is_text()).filter_map(|c| c.text()).collect());
    }
    let mut map = Map::new();
    for child in children {
        let name = child.tag_name().name().to_string();
        let value = element(child);
        match map.get_mut(&name) {
            None => {
                map.insert(name, value);
            }
            Some(Value::Array(list)) => list.push(value),
            Some(existing) => {
                let first = existing.take();
                *existing = Value::Array(vec![first, value]);
            }
        }
    }
    Value::Object(map)
}
