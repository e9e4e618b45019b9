//! What an endpoint is, as the core sees it: an order schema, the doc's rules, an example, and a
//! transport that builds the request and reads the answer. Providers implement [`Transport`] and
//! declare their [`Provider`]; this module imports none of them (the registry names them all).

use std::borrow::Cow;

use serde_json::Value;

use crate::doc::Node;
use crate::error::Error;
use crate::issue::Issues;
use crate::options::OptionSpec;
use crate::request::PreparedRequest;
use crate::response::{ParseOptions, Parsed};
use crate::schema::Schema;

pub struct Endpoint {
    pub id: &'static str,
    pub title: &'static str,
    pub title_zh: &'static str,
    /// The order's schema (its TypeScript interface has the same name).
    pub order: &'static Schema,
    /// What the doc implies beyond single fields.
    pub rules: fn(&Node, &mut Issues),
    /// The example order, JSON text kept beside the tables (smaller in wasm than code building it).
    pub example: &'static str,
    pub transport: &'static dyn Transport,
    /// Whether sending the same order twice cannot create two orders, so a request that may have
    /// been received can be retried.
    pub idempotent: bool,
    /// The order's own identity, when the doc gives it one: the field a batch journal keys the
    /// order by (without it, or when the order leaves it out, a hash of the order is the key).
    pub key_field: Option<&'static str>,
    /// The endpoint's own folder in this repository (`file!()` of its `mod.rs`): tables, rules,
    /// example, sample answers and break-one-field cases sit there side by side.
    pub source: &'static str,
}

/// How an endpoint's order travels and its answer is read: one implementation per provider.
pub trait Transport: Sync {
    fn provider(&self) -> &'static Provider;
    /// The TOP method, PandaPon path or ECCANG service called.
    fn operation(&self) -> &'static str;
    /// The TypeScript type of a successful answer's `data`.
    fn response_type(&self) -> &'static str;
    /// Builds and signs the request that carries `json`, the order's sendable JSON text (the
    /// caller's own text, borrowed, when it is sent as given).
    fn prepare(&self, json: Cow<'_, str>, opts: &Value, env: &Env) -> Result<PreparedRequest, Error>;
    /// Reads the provider's answer to this endpoint, as the request that asked for it was sent.
    fn parse(&self, body: &str, opts: &ParseOptions) -> Parsed<Value>;
    /// Raises an error when the order is recognisably in the wrong place (e.g. still wrapped in
    /// the transport's own parameter), before the order's fields are checked.
    fn check_placement(&self, _order: &Node, _issues: &mut Issues) {}
}

/// What a provider declares once for all its endpoints.
pub struct Provider {
    /// `top`, `pandapon`, `eccang`.
    pub name: &'static str,
    /// The TypeScript interface of its options (`TopOptions`, …).
    pub options_type: &'static str,
    /// Every option `prepare` reads for this provider, in the order a form shows them.
    pub options: &'static [OptionSpec],
    /// The option that points a request at a gateway (TOP `gateway`, PandaPon `baseUrl`, …).
    pub gateway_option: &'static str,
    /// Error codes that mean the provider refused the request before processing it (rate
    /// limits): such a request can be sent again even when it creates an order.
    pub unprocessed_codes: &'static [&'static str],
}

/// A cryptographically secure source of 16 random bytes (for nonces); `None` where there is none.
pub type Entropy<'a> = &'a dyn Fn() -> Option<[u8; 16]>;

/// What the caller's clock and random source supply; injected so the core stays pure. The
/// random source is only drawn from when a nonce is needed and not given.
pub struct Env<'a> {
    pub now_ms: f64,
    pub entropy: Entropy<'a>,
}
