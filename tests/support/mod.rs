//! Helpers for the endpoint tests: break one field of an endpoint's valid example and look for
//! the issue at that exact path.
#![allow(dead_code)]

use ordercraft::api::{example, validate};
use ordercraft::{Code, Severity};
use serde_json::Value;

pub fn valid_example(id: &str) -> Value {
    example(id).unwrap_or(Value::Null)
}

/// The example with the value at `pointer` replaced (`Some`) or removed (`None`).
pub fn with(id: &str, pointer: &str, value: Option<Value>) -> Value {
    let mut order = valid_example(id);
    set(&mut order, pointer, value);
    order
}

pub fn set(order: &mut Value, pointer: &str, value: Option<Value>) {
    let (parent, name) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    match (order.pointer_mut(parent), value) {
        (Some(Value::Object(map)), Some(v)) => {
            map.insert(name.to_string(), v);
        }
        (Some(Value::Object(map)), None) => {
            map.remove(name);
        }
        (Some(Value::Array(list)), Some(v)) => {
            if let Some(slot) = name.parse::<usize>().ok().and_then(|i| list.get_mut(i)) {
                *slot = v;
            }
        }
        _ => panic!("no parent at {pointer}"),
    }
}

pub fn issues(id: &str, order: &Value) -> Vec<(String, Code, Severity)> {
    validate(id, order, &Value::Null)
        .map(|v| v.issues.into_iter().map(|i| (i.path, i.code, i.severity)).collect())
        .unwrap_or_default()
}

/// Asserts that breaking `pointer` gives exactly one issue, at `path` with `code` and `severity`.
#[track_caller]
pub fn assert_only(id: &str, order: &Value, path: &str, code: Code, severity: Severity) {
    let found = issues(id, order);
    assert_eq!(found, vec![(path.to_string(), code, severity)], "order: {order}");
}

pub fn assert_clean(id: &str) {
    let found = issues(id, &valid_example(id));
    assert!(found.is_empty(), "{id} example has issues: {found:?}");
}

/// A fixed clock and fixed entropy: requests reproduce byte for byte.
pub fn env() -> ordercraft::endpoint::Env<'static> {
    fn fixed_entropy() -> Option<[u8; 16]> {
        Some([0x5a; 16])
    }
    ordercraft::endpoint::Env { now_ms: 1_715_669_977_082.0, entropy: &fixed_entropy }
}
