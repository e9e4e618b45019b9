//! XML responses as JSON values: an element with child elements becomes an object (a name that
//! repeats becomes a list), any other element its text. Namespace prefixes are dropped.

use serde_json::{Map, Value};

/// The root element's name and value, or why the text is not well-formed XML.
pub fn to_value(text: &str) -> Result<(String, Value), String> {
    let doc = roxmltree::Document::parse(text).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    Ok((root.tag_name().name().to_string(), element(root)))
}

pub fn element(node: roxmltree::Node) -> Value {
    let mut children = node.children().filter(|c| c.is_element()).peekable();
    if children.peek().is_none() {
        return Value::String(node.children().filter_map(|c| c.text()).collect());
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn elements_become_objects_lists_and_text() {
        let xml = r#"<?xml version="1.0"?><r><a>1</a><l><i>x</i><i>y</i></l><e/><t><![CDATA[<&>]]> &amp;</t></r>"#;
        let (name, value) = to_value(xml).unwrap_or_default();
        assert_eq!(name, "r");
        assert_eq!(value, json!({ "a": "1", "l": { "i": ["x", "y"] }, "e": "", "t": "<&> &" }));
    }

    #[test]
    fn rejects_malformed_xml_and_dtds() {
        assert!(to_value("<a><b></a>").is_err());
        assert!(to_value(r#"<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>"#).is_err());
    }
}
