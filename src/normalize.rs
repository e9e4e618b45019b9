//! Gives a parsed response the types its schema declares: XML delivers every scalar as text and
//! TOP wraps lists (`"sub_orders": {"suborders": […]}`). Fields the schema does not know are kept.

use serde_json::{Map, Value};

use crate::schema::{Kind, Schema};

pub fn normalize(value: Value, schema: &Schema) -> Value {
    let Value::Object(map) = value else {
        return value;
    };
    let out: Map<String, Value> = map
        .into_iter()
        .map(|(name, v)| {
            let v = match schema.field(&name) {
                Some(field) => normalize_kind(v, &field.kind),
                None => v,
            };
            (name, v)
        })
        .collect();
    Value::Object(out)
}

fn normalize_kind(value: Value, kind: &Kind) -> Value {
    match (kind, value) {
        (Kind::Integer { .. } | Kind::IntegerOneOf(_), Value::String(s)) => {
            match s.parse::<i64>() {
                Ok(n) => Value::from(n),
                Err(_) => Value::String(s),
            }
        }
        (Kind::Number(_), Value::String(s)) => {
            match s.parse::<f64>().ok().and_then(serde_json::Number::from_f64) {
                Some(n) => Value::Number(n),
                None => Value::String(s),
            }
        }
        (Kind::Boolean, Value::String(s)) => match s.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(s),
        },
        (Kind::Object(schema), v) => normalize(v, schema),
        (Kind::List { item, .. }, v) => Value::Array(
            unwrap_list(v)
                .into_iter()
                .map(|i| normalize(i, item))
                .collect(),
        ),
        (_, v) => v,
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
