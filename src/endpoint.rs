//! The entry points every endpoint shares: `endpoints`, `validate`, `prepare`, `parseResponse`,
//! `example`. Each endpoint is a row of the registry: its order schema, its rules and its transport.

use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::issue::{Issue, Issues, Path};
use crate::providers::{eccang, pandapon, top};
use crate::request::PreparedRequest;
use crate::response::Parsed;
use crate::schema::Schema;
use crate::validate::{check_object, Sendable};

#[cfg(target_arch = "wasm32")]
use tsify::Tsify;

pub struct Endpoint {
    pub id: &'static str,
    pub provider: &'static str,
    pub title: &'static str,
    pub title_zh: &'static str,
    /// The order's schema (its TypeScript interface has the same name).
    pub order: &'static Schema,
    /// What the doc implies beyond single fields.
    pub rules: fn(&Value, &mut Issues),
    pub example: fn() -> Value,
    pub transport: Transport,
    /// Whether sending the same order twice cannot create two orders, so a request that may have
    /// been received can be retried.
    pub idempotent: bool,
}

/// How an endpoint's order travels and its answer is read.
pub enum Transport {
    Top(&'static top::OrderMethod),
    Pandapon { path: &'static str, parse: fn(&str) -> Parsed<Value> },
    Eccang { service: &'static str, parse: fn(&str) -> Parsed<Value> },
}

/// A cryptographically secure source of 16 random bytes (for nonces); `None` where there is none.
pub type Entropy<'a> = &'a dyn Fn() -> Option<[u8; 16]>;

/// What the caller's clock and random source supply; injected so the core stays pure. The
/// random source is only drawn from when a nonce is needed and not given.
pub struct Env<'a> {
    pub now_ms: f64,
    pub entropy: Entropy<'a>,
}

pub static ENDPOINTS: &[Endpoint] = &[
    top::INTENTION_ORDER_SAVE,
    top::TRADE_ORDER_CREATE,
    pandapon::preview_batch::ENDPOINT,
    eccang::create_order::ENDPOINT,
];

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const ENDPOINT_TS: &str = r#"
/** The order type each endpoint id takes. */
export interface Orders {
    "top:alibaba.intention.order.save": IntentionOrderSaveRequest;
    "top:alibaba.wdk.trade.order.create": TradeOrder;
    "pandapon:/alibaba/order/create/previewbatch": PreviewBatchRequest;
    "eccang:createOrder": CreateOrder;
}
export type EndpointId = keyof Orders;
export type Order = Orders[EndpointId];
/** The options of `prepare`: those of the endpoint's provider. */
export type PrepareOptions = TopOptions | PandaponOptions | EccangOptions;
"#;

/// One row of `endpoints()`.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EndpointInfo {
    pub id: &'static str,
    /// `top`, `pandapon` or `eccang`.
    pub provider: &'static str,
    pub title: &'static str,
    pub title_zh: &'static str,
    /// The TypeScript type of the order `prepare` takes.
    pub order_type: &'static str,
    /// The TOP method, PandaPon path or ECCANG service called.
    pub operation: &'static str,
    /// Whether sending the same order twice cannot create two orders (see the README).
    pub idempotent: bool,
}

/// What `validate` returns; `ok` is false exactly when an issue is an error.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Validation {
    pub ok: bool,
    pub issues: Vec<Issue>,
}

pub fn endpoints() -> Vec<EndpointInfo> {
    ENDPOINTS
        .iter()
        .map(|e| EndpointInfo {
            id: e.id,
            provider: e.provider,
            title: e.title,
            title_zh: e.title_zh,
            order_type: e.order.name,
            idempotent: e.idempotent,
            operation: match e.transport {
                Transport::Top(m) => m.method,
                Transport::Pandapon { path, .. } => path,
                Transport::Eccang { service, .. } => service,
            },
        })
        .collect()
}

pub fn find(id: &str) -> Result<&'static Endpoint, Error> {
    ENDPOINTS.iter().find(|e| e.id == id).ok_or_else(|| Error::UnknownEndpoint(id.to_string()))
}

fn issues_of(endpoint: &Endpoint, order: &Value) -> Issues {
    let mut issues = Issues::default();
    check_object(order, endpoint.order, &Path::Root, &mut issues);
    if order.is_object() {
        (endpoint.rules)(order, &mut issues);
    }
    issues
}

pub fn validate(id: &str, order: &Value) -> Result<Validation, Error> {
    let issues = issues_of(find(id)?, order);
    Ok(Validation { ok: !issues.has_errors(), issues: issues.into_vec() })
}

/// Validates, then builds and signs. Any error-severity issue stops it with all issues;
/// warnings ride along on the request.
pub fn prepare(id: &str, order: &Value, opts: &Value, env: &Env) -> Result<PreparedRequest, Error> {
    let endpoint = find(id)?;
    let issues = issues_of(endpoint, order);
    if issues.has_errors() {
        return Err(Error::Validation(issues.into_vec()));
    }
    let json = serde_json::to_string(&Sendable { value: order, schema: endpoint.order })
        .map_err(|e| Error::argument("order", format!("could not be written as JSON ({e})")))?;
    let mut request = match endpoint.transport {
        Transport::Top(method) => top::prepare_order(method, json, opts, env.now_ms)?,
        Transport::Pandapon { path, .. } => {
            pandapon::request(path, json, &pandapon::PandaponOptions::read(opts, env.now_ms, env.entropy)?)?
        }
        Transport::Eccang { service, .. } => eccang::request(service, &json, &eccang::EccangOptions::read(opts)?)?,
    };
    request.warnings = issues.into_vec();
    Ok(request)
}

pub fn parse_response(id: &str, body: &str) -> Result<Parsed<Value>, Error> {
    Ok(match find(id)?.transport {
        Transport::Top(method) => top::parse_order_response(method, body),
        Transport::Pandapon { parse, .. } | Transport::Eccang { parse, .. } => parse(body),
    })
}

/// An example order shipped as JSON text beside its table (smaller in wasm than code building it).
/// The native tests check that every bundled example parses and validates clean.
pub fn bundled_example(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_default()
}

pub fn schema(id: &str) -> Result<crate::describe::StructureInfo, Error> {
    Ok(crate::describe::describe(find(id)?.order))
}

pub fn example(id: &str) -> Result<Value, Error> {
    Ok((find(id)?.example)())
}
