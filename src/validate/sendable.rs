//! The JSON that is sent: the caller's values as given, with unknown fields and nulls left out.

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::schema::{Field, Kind, Schema};

/// The caller's object as it is sent: known fields only, nulls left out, values untouched.
pub struct Sendable<'a> {
    pub value: &'a Value,
    pub schema: &'a Schema,
}

impl Serialize for Sendable<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Value::Object(map) = self.value else {
            return self.value.serialize(serializer);
        };
        let fields = known_fields(map, self.schema);
        let mut out = serializer.serialize_map(None)?;
        for (name, value, field) in fields {
            match &field.kind {
                Kind::Object(schema) => out.serialize_entry(name, &Sendable { value, schema })?,
                Kind::List { item, .. } => out.serialize_entry(name, &SendableList { value, item })?,
                _ => out.serialize_entry(name, value)?,
            }
        }
        out.end()
    }
}

struct SendableList<'a> {
    value: &'a Value,
    item: &'a Schema,
}

impl Serialize for SendableList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Value::Array(items) = self.value else {
            return self.value.serialize(serializer);
        };
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for value in items {
            seq.serialize_element(&Sendable { value, schema: self.item })?;
        }
        seq.end()
    }
}

fn known_fields<'a>(
    map: &'a Map<String, Value>,
    schema: &'a Schema,
) -> impl Iterator<Item = (&'a String, &'a Value, &'a Field)> {
    map.iter().filter(|(_, v)| !v.is_null()).filter_map(|(k, v)| Some((k, v, schema.field(k)?)))
}
