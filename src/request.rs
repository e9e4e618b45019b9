//! The shape every `prepare*` returns: an HTTP request ready for `fetch`, built once, byte for byte.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::issue::Issue;

/// How a secret is shown wherever signing is explained to a person.
pub const MASK: &str = "********";

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct PreparedRequest {
    #[cfg_attr(feature = "wasm", tsify(type = "\"POST\""))]
    pub method: &'static str,
    pub url: String,
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, string>"))]
    pub headers: Headers,
    /// Send exactly this text: re-serialising it would change the signed bytes.
    pub body: String,
    /// What was signed, for debugging a signature mismatch: the secret is masked. Absent for
    /// transports that carry a token instead of a signature (ECCANG).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub signing: Option<Signing>,
    /// Warnings from validation (`prepare`), and `prepareTop`'s parameters left out for being empty;
    /// errors never get this far.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub warnings: Vec<Issue>,
}

impl PreparedRequest {
    pub fn post(url: String, headers: Headers, body: String, signing: Option<Signing>) -> PreparedRequest {
        PreparedRequest { method: "POST", url, headers, body, signing, warnings: Vec::new() }
    }
}

/// The text a signature was computed over, with any secret in it shown as `********`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Signing {
    pub string_to_sign: String,
    pub signature: String,
}

/// Header names and values in the order they are sent; serialised as a plain object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Headers(pub Vec<(&'static str, String)>);

impl Headers {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

impl Serialize for Headers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}
