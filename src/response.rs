//! The shape every `parseResponse` returns: `{ ok: true, data }` or `{ ok: false, error }`.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::options::{options, Options};

options! {
    /// Options of `parseResponse` and `parseTopResponse`.
    ParseOptions => PARSE_OPTIONS {
        opt setting simplify: "boolean", "Simplified answers",
            "the request was sent with TOP's `simplify`: the answer has no `<method>_response` wrapper (other providers ignore it)";
    }
}

/// How to read an answer: as the request that asked for it was sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// TOP answers without the method's wrapper (the request said `simplify=true`).
    pub simplify: bool,
}

impl ParseOptions {
    pub fn read(opts: &Value) -> Result<ParseOptions, Error> {
        let o = Options::read(opts, "opts", &PARSE_OPTIONS)?;
        Ok(ParseOptions { simplify: o.boolean("simplify")?.unwrap_or(false) })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Parsed<T> {
    /// `failures`: parts of a successful answer that failed on their own (one seller's preview).
    Ok {
        data: T,
        request_id: Option<String>,
        failures: Vec<PartialFailure>,
    },
    Err(ResponseError),
}

#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const PARSED_TS: &str = r#"
/** What every `parseResponse` returns; narrow on `ok`. */
export type Parsed<T> =
  | { ok: true; data: T; requestId?: string; failures?: PartialFailure[] }
  | { ok: false; error: ResponseError };
"#;

impl<T: Serialize> Serialize for Parsed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Parsed::Ok { data, request_id, failures } => {
                let mut s = serializer.serialize_struct("Parsed", 4)?;
                s.serialize_field("ok", &true)?;
                s.serialize_field("data", data)?;
                match request_id {
                    Some(id) => s.serialize_field("requestId", id)?,
                    None => s.skip_field("requestId")?,
                }
                if failures.is_empty() {
                    s.skip_field("failures")?;
                } else {
                    s.serialize_field("failures", failures)?;
                }
                s.end()
            }
            Parsed::Err(error) => {
                let mut s = serializer.serialize_struct("Parsed", 2)?;
                s.serialize_field("ok", &false)?;
                s.serialize_field("error", error)?;
                s.end()
            }
        }
    }
}

/// A part of a successful answer that failed on its own, e.g. one seller's preview in a batch.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PartialFailure {
    /// JSON pointer into `data`'s source, e.g. `/data/orderPreviewResuslt/1`.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub seller_open_id: Option<String>,
    pub code: String,
    pub message: String,
}

/// A failure answered by a gateway, or a body that could not be read.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResponseError {
    /// The provider's own error code as text (`"25"`, `"50048"`), or `"parse"` for a body that
    /// is not a well-formed response.
    pub code: String,
    /// A sentence a person understands (the provider's most specific message).
    pub message: String,
    /// TOP: the gateway's `msg`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub msg: Option<String>,
    /// TOP: `sub_code` (`isv.*` caller's fault, `isp.*` provider's fault).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub sub_code: Option<String>,
    /// TOP: `sub_msg`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub sub_msg: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub request_id: Option<String>,
    /// Whether sending the same request again later may succeed.
    pub retryable: bool,
    /// The provider's whole error object, when it carries more than the fields above
    /// (ECCANG: `reference_no`, `time_cost(s)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "Record<string, unknown>"))]
    pub raw: Option<serde_json::Value>,
    /// How long the provider asked to wait before retrying, when it said (a `send` of `createClient`
    /// also reads the HTTP `Retry-After` header when the answer does not say).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub retry_after_seconds: Option<u32>,
    /// The provider refused the order because one with the same identity (ECCANG's
    /// `reference_no`) already exists. After an attempt whose outcome was unknown, that means the
    /// earlier attempt created it (`createClient` reports it so).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub already_exists: bool,
    /// The provider answered without a verdict on the request: its platform failed (TOP's
    /// `isp.*` errors, code 10, code 15 without an `isv.*` sub-code; a SOAP `Server` fault;
    /// PandaPon's 5xx codes) and does not say whether the order was processed. After a creation
    /// request the order may exist: a batch counts it `unknown`, as after a timeout.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub no_verdict: bool,
}

impl ResponseError {
    pub fn parse(message: impl Into<String>) -> ResponseError {
        ResponseError { code: "parse".into(), message: message.into(), ..ResponseError::default() }
    }
}
