//! The JSON that is sent: the caller's values as given, nulls left out, and unknown fields sent
//! or left out as `unknownFields` says (a refused one never gets this far).

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::UnknownFields;
use crate::schema::{Kind, Schema};

/// The caller's object as it is sent: nulls left out, values untouched.
pub struct Sendable<'a> {
    pub value: &'a Value,
    pub schema: &'a Schema,
    pub unknown: UnknownFields,
}

impl Serialize for Sendable<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Value::Object(map) = self.value else {
            return self.value.serialize(serializer);
        };
        let unknown = self.unknown;
        let mut out = serializer.serialize_map(None)?;
        for (name, value) in map.iter().filter(|(_, v)| !v.is_null()) {
            match self.schema.field(name).map(|f| &f.kind) {
                Some(Kind::Object(schema)) => out.serialize_entry(name, &Sendable { value, schema, unknown })?,
                Some(Kind::List { item, .. }) => out.serialize_entry(name, &SendableList { value, item, unknown })?,
                Some(_) => out.serialize_entry(name, value)?,
                None if unknown == UnknownFields::Send => out.serialize_entry(name, value)?,
                None => {}
            }
        }
        out.end()
    }
}

struct SendableList<'a> {
    value: &'a Value,
    item: &'a Schema,
    unknown: UnknownFields,
}

impl Serialize for SendableList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Value::Array(items) = self.value else {
            return self.value.serialize(serializer);
        };
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for value in items {
            seq.serialize_element(&Sendable { value, schema: self.item, unknown: self.unknown })?;
        }
        seq.end()
    }
}
