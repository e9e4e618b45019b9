//! Gives a parsed response the types its schema declares: XML delivers every scalar as text and
//! TOP wraps lists (`"sub_orders": {"suborders": […]}`). Fields the schema does not know are kept.
//! Integers past 2^53 become strings everywhere, since a JS number would silently lose digits.

use serde_json::{Map, Number, Value};

use crate::schema::{is_safe_integer, Kind, Schema};
use crate::validate::text::decimal_value;

pub fn normalize(value: Value, schema: &Schema) -> Value {
    let Value::Object(map) = value else { return js_safe(value) };
    let out: Map<String, Value> = map
        .into_iter()
        .map(|(name, v)| {
            let v = match schema.field(&name) {
                Some(field) => normalize_kind(v, &field.kind),
                None => js_safe(v),
            };
            (name, v)
        })
        .collect();
    Value::Object(out)
}

fn normalize_kind(value: Value, kind: &Kind) -> Value {
    match (kind, value) {
        (Kind::Integer { .. } | Kind::IntegerOneOf { .. } | Kind::Id, Value::String(s)) => match s.parse::<i64>() {
            Ok(n) if is_safe_integer(n) => Value::from(n),
            _ => Value::String(s),
        },
        (Kind::Number(_), Value::String(s)) => match decimal_value(&s).and_then(Number::from_f64) {
            Some(n) => Value::Number(n),
            None => Value::String(s),
        },
        (Kind::Boolean, Value::String(s)) => match s.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(s),
        },
        (Kind::Object(schema), v) => normalize(v, schema),
        (Kind::List { item, .. }, v) => Value::Array(unwrap_list(v).into_iter().map(|i| normalize(i, item)).collect()),
        (_, v) => js_safe(v),
    }
}

/// Integers a JS number cannot hold exactly, as their digits.
pub fn js_safe(value: Value) -> Value {
    match value {
        Value::Number(n) if n.as_i64().is_none_or(|i| !is_safe_integer(i)) && !n.is_f64() => {
            Value::String(n.to_string())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(js_safe).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, js_safe(v))).collect()),
        other => other,
    }
}

/// TOP's list forms: a plain list, `{"item": [...]}`, `{"item": {...}}` (one item, as XML gives
/// it), or an empty element.
fn unwrap_list(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        Value::String(s) if s.trim().is_empty() => Vec::new(),
        Value::Object(map) if map.len() == 1 => match map.into_iter().next() {
            Some((_, Value::Array(items))) => items,
            Some((_, Value::Object(one))) => vec![Value::Object(one)],
            Some((name, other)) => vec![Value::Object(Map::from_iter([(name, other)]))],
            None => Vec::new(),
        },
        other => vec![other],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Schema;
    use serde_json::json;

    static EMPTY: Schema = Schema { name: "Empty", fields: &[], slots: [0; crate::schema::FIELD_SLOTS] };

    #[test]
    fn big_integers_become_strings_anywhere() {
        let value: Value =
            serde_json::from_str(r#"{"a":9007199254740993,"b":[1,-9007199254740993],"c":1.5,"d":9007199254740991}"#)
                .unwrap_or_default();
        assert_eq!(
            normalize(value, &EMPTY),
            json!({ "a": "9007199254740993", "b": [1, "-9007199254740993"], "c": 1.5, "d": 9007199254740991_i64 })
        );
    }
}
