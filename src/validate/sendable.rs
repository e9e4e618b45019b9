//! The JSON that is sent: the caller's values as given, nulls left out, and unknown fields sent
//! or left out as `unknownFields` says (a refused one never gets this far). Written straight
//! from the caller's text (see `doc`): serde_json's bytes, without building a `Value`.

use super::UnknownFields;
use crate::doc::{write_string, Node};
use crate::schema::{Kind, Schema};

/// The caller's object as it is sent: nulls left out, values untouched.
pub fn write_sendable(value: &Node, schema: &Schema, unknown: UnknownFields, out: &mut String) {
    let Node::Object(members) = value else {
        return value.write(out);
    };
    out.push('{');
    let mut first = true;
    for (name, value) in members.iter().filter(|(_, v)| !v.is_null()) {
        let kind = schema.field_index(name).map(|f| &schema.fields[f].kind);
        if kind.is_none() && unknown != UnknownFields::Send {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        write_string(name, out);
        out.push(':');
        match (kind, value) {
            (Some(Kind::Object(schema)), _) => write_sendable(value, schema, unknown, out),
            (Some(Kind::List { item, .. }), Node::Array(items)) => {
                out.push('[');
                for (i, value) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_sendable(value, item, unknown, out);
                }
                out.push(']');
            }
            _ => value.write(out),
        }
    }
    out.push('}');
}
