//! The entry points every endpoint shares: `endpoints`, `validate`, `prepare`, `parseResponse`,
//! `schema`, `example`. Each works on a row of the registry through the endpoint interface.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use crate::doc::{self, Document, Node};
use crate::endpoint::{Endpoint, Env};
use crate::error::Error;
use crate::issue::{Issue, Issues, Path};
use crate::options::OptionSpec;
use crate::registry::{find, ENDPOINTS};
use crate::request::PreparedRequest;
use crate::response::{ParseOptions, Parsed};
use crate::validate::sendable::write_sendable;
use crate::validate::{check_object, UnknownFields};

#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const COMMON_OPTIONS_TS: &str = r#"
/** What becomes of a field the doc does not define: `"refuse"` (an error; the default), `"send"` (sent as given, with a warning) or `"drop"` (left out, with a warning). */
export type UnknownFieldsPolicy = "refuse" | "send" | "drop";
/** Options `prepare` reads at every endpoint, beside the provider's. */
export interface CommonOptions {
    unknownFields?: UnknownFieldsPolicy;
}
"#;

/// One row of `endpoints()`.
#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EndpointInfo {
    #[cfg_attr(feature = "wasm", tsify(type = "EndpointId"))]
    pub id: &'static str,
    /// `top`, `pandapon` or `eccang`.
    pub provider: &'static str,
    pub title: &'static str,
    pub title_zh: &'static str,
    /// The TypeScript type of the order `prepare` takes.
    pub order_type: &'static str,
    /// The TypeScript type of a successful answer's `data` (`parseResponse`).
    pub response_type: &'static str,
    /// The TOP method, PandaPon path or ECCANG service called.
    pub operation: &'static str,
    /// Whether sending the same order twice cannot create two orders (see the README).
    pub idempotent: bool,
    /// The field that identifies an order in a batch journal (`reference_no`, `out_order_id`, …);
    /// absent where the doc gives the order no identity (a hash of the order is used).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub key_field: Option<&'static str>,
    /// The TypeScript type of the options `prepare` takes here (`TopOptions`, …).
    pub options_type: &'static str,
    /// Every option `prepare` reads here, in the order a form shows them.
    pub options: &'static [OptionSpec],
    /// The option that points a request at a gateway (TOP `gateway`, PandaPon `baseUrl`, …).
    pub gateway_option: &'static str,
    /// Error codes meaning the provider refused a request before processing it (rate limits):
    /// such a request may be sent again even on an endpoint that is not idempotent.
    pub unprocessed_codes: &'static [&'static str],
    /// The endpoint's folder in ordercraft's repository (tables, example, sample answers).
    pub source: &'static str,
}

/// What `validate` returns; `ok` is false exactly when an issue is an error.
#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Validation {
    pub ok: bool,
    pub issues: Vec<Issue>,
}

pub fn endpoints() -> Vec<EndpointInfo> {
    ENDPOINTS
        .iter()
        .map(|e| {
            let provider = e.transport.provider();
            EndpointInfo {
                id: e.id,
                provider: provider.name,
                title: e.title,
                title_zh: e.title_zh,
                order_type: e.order.name,
                response_type: e.transport.response_type(),
                operation: e.transport.operation(),
                idempotent: e.idempotent,
                key_field: e.key_field,
                options_type: provider.options_type,
                options: provider.options,
                gateway_option: provider.gateway_option,
                unprocessed_codes: provider.unprocessed_codes,
                source: e.source.strip_suffix("/mod.rs").unwrap_or(e.source),
            }
        })
        .collect()
}

/// Where an order's text comes from, which says what the reader looks for in it.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// Text as anyone may write it: a `null` is a null, and a name repeated in an object is an
    /// issue (JSON readers disagree on which one counts).
    Text,
    /// `JSON.stringify`'s text of a JS value (the JS boundary's). It never repeats a name in an
    /// object (a JS object has each own key once, and a Proxy whose `ownKeys` lists one twice
    /// throws), so none is looked for: on the boundary's every call, that search was 3-8% of the
    /// time. But it does not always say what the value held: NaN and ±Infinity become `null`, a
    /// function or symbol is left out of its object, a Map becomes `{}`. `as_given` looks at the
    /// value itself once the text is read, and its error replaces the answer (a value the caller
    /// gave must not read as absent, nor go missing without a word).
    Stringified { as_given: &'a dyn Fn() -> Result<(), Error> },
}

/// The order's text, read; a repeated name (where looked for) is already an issue.
fn read_order<'a>(text: &'a str, issues: &mut Issues, source: Source) -> Result<Document<'a>, Error> {
    let names = match source {
        Source::Text => doc::Names::Checked,
        Source::Stringified { .. } => doc::Names::Unique,
    };
    let document = doc::parse_names(text, issues, names).map_err(|_| doc::unreadable("order"))?;
    if let Source::Stringified { as_given } = source {
        as_given()?;
    }
    Ok(document)
}

/// Every issue of the order, and whether it is sent exactly as given (see `check_object`).
fn check(endpoint: &Endpoint, order: &Node, unknown: UnknownFields, mut issues: Issues) -> (Issues, bool) {
    // An order the transport recognises as misplaced (wrapped in its parameter) is that one error.
    let mut placement = Issues::default();
    endpoint.transport.check_placement(order, &mut placement);
    if placement.has_errors() {
        issues.append(placement);
        return (issues, false);
    }
    let as_given = check_object(order, endpoint.order, &Path::Root, unknown, &mut issues);
    if order.is_object() {
        (endpoint.rules)(order, &mut issues);
    }
    (issues, as_given)
}

const UNKNOWN_FIELDS: &str = "unknownFields";

/// `opts.unknownFields`, read.
fn unknown_fields(opts: &Value) -> Result<UnknownFields, Error> {
    let unknown = match opts.get(UNKNOWN_FIELDS) {
        None | Some(Value::Null) => Some(UnknownFields::Refuse),
        Some(Value::String(name)) => UnknownFields::from_option(Some(name)),
        Some(_) => None,
    };
    unknown.ok_or_else(|| Error::argument(format!("opts.{UNKNOWN_FIELDS}"), UnknownFields::EXPECTED))
}

/// The options without `unknownFields`: the rest are the provider's. Copied only where it is given.
fn provider_options(opts: &Value) -> Cow<'_, Value> {
    match opts {
        Value::Object(map) if map.contains_key(UNKNOWN_FIELDS) => {
            let mut map = map.clone();
            map.remove(UNKNOWN_FIELDS);
            Cow::Owned(Value::Object(map))
        }
        _ => Cow::Borrowed(opts),
    }
}

/// `validate(id, order, opts?)`: `opts` may hold `unknownFields` (any other option is ignored
/// here: validation needs no credentials).
pub fn validate(id: &str, order: &Value, opts: &Value) -> Result<Validation, Error> {
    validate_json(id, &order.to_string(), opts, Source::Text)
}

/// `validate` of an order given as JSON text (what the JS boundary passes).
pub fn validate_json(id: &str, order: &str, opts: &Value, source: Source) -> Result<Validation, Error> {
    let endpoint = find(id)?;
    let unknown = unknown_fields(opts)?;
    let mut issues = Issues::default();
    let order = read_order(order, &mut issues, source)?;
    let (issues, _) = check(endpoint, &order.root, unknown, issues);
    Ok(Validation { ok: !issues.has_errors(), issues: issues.into_vec() })
}

/// Validates, then builds and signs. Any error-severity issue stops it with all issues;
/// warnings ride along on the request.
pub fn prepare(id: &str, order: &Value, opts: &Value, env: &Env) -> Result<PreparedRequest, Error> {
    prepare_json(id, &order.to_string(), opts, env, Source::Text)
}

/// `prepare` of an order given as JSON text: read once, checked, and written out as sent.
pub fn prepare_json(id: &str, order: &str, opts: &Value, env: &Env, source: Source) -> Result<PreparedRequest, Error> {
    let endpoint = find(id)?;
    let unknown = unknown_fields(opts)?;
    let opts = provider_options(opts);
    let mut issues = Issues::default();
    let document = read_order(order, &mut issues, source)?;
    let (issues, as_given) = check(endpoint, &document.root, unknown, issues);
    if issues.has_errors() {
        return Err(Error::Validation(issues.into_vec()));
    }
    // JSON.stringify's text of an order without nulls or dropped fields is the very text sent.
    let json = if as_given && document.canonical {
        Cow::Borrowed(order)
    } else {
        let mut json = String::with_capacity(order.len());
        write_sendable(&document.root, endpoint.order, unknown, &mut json);
        Cow::Owned(json)
    };
    let mut request = endpoint.transport.prepare(json, &opts, env)?;
    request.warnings = issues.into_vec();
    Ok(request)
}

/// `parseResponse(id, body, opts?)`: `opts.simplify` as the request was sent.
pub fn parse_response(id: &str, body: &str, opts: &Value) -> Result<Parsed<Value>, Error> {
    let endpoint = find(id)?;
    Ok(endpoint.transport.parse(body, &ParseOptions::read(opts)?))
}

pub fn schema(id: &str) -> Result<crate::describe::StructureInfo, Error> {
    Ok(crate::describe::describe(find(id)?.order))
}

/// `jsonParseLosses(text)`: an issue at each place where `JSON.parse` would not give what the
/// JSON text says, so an order read from a file would not be the one written there: a name given
/// again in one object (the second and later of each: it keeps the last value) and a number a
/// JavaScript number cannot hold as written (it rounds it; `js_number` is JavaScript's reading of
/// a number's text, `String(Number(text))`, injected so the core stays pure). Readers of files ask
/// this first. Text ordercraft cannot read is an ArgumentError naming `text`.
pub fn json_parse_losses(text: &str, js_number: &dyn Fn(&str) -> Option<String>) -> Result<Vec<Issue>, Error> {
    let mut issues = Issues::default();
    let document = doc::parse(text, &mut issues).map_err(|_| doc::unreadable("text"))?;
    doc::rounded_numbers(&document.root, &Path::Root, &mut issues, js_number);
    Ok(issues.into_vec())
}

/// The native tests check that every bundled example parses and validates clean.
pub fn example(id: &str) -> Result<Value, Error> {
    Ok(doc::read_value(find(id)?.example).unwrap_or_default())
}
