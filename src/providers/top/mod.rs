//! Taobao Open Platform (TOP): the gateway every TOP method goes through, and the two TOP order
//! endpoints built on it.

pub mod gateway;
pub mod intention_order;
pub mod response;
pub mod trade_order;

use std::borrow::Cow;

use serde_json::Value;

use crate::doc::Node;
use crate::endpoint::{Env, Provider, Transport};
use crate::error::Error;
use crate::issue::{Code, Issues, Path};
use crate::normalize::normalize;
use crate::request::PreparedRequest;
use crate::response::{ParseOptions, Parsed, ResponseError};
use crate::schema::Schema;

pub use gateway::{SignMethod, TopOptions};

pub static PROVIDER: Provider = Provider {
    name: "top",
    options_type: "TopOptions",
    options: &gateway::TOP_OPTIONS,
    gateway_option: "gateway",
    // 7 "App Call Limited": refused before the method ran.
    unprocessed_codes: &["7"],
};

/// How an order endpoint rides on the gateway: its [`Transport`].
pub struct OrderMethod {
    pub method: &'static str,
    /// The business parameter that carries the order as JSON text.
    pub param: &'static str,
    /// The field of `<method>_response` that the doc's response table describes.
    pub response_field: &'static str,
    pub response: &'static Schema,
    /// What a successful gateway response says when it is not a creation: a failure reported
    /// inside it, or a parse error when it does not show the order was created (never `ok` on
    /// no evidence: a batch then counts it unknown, not done).
    pub business_failure: fn(&Value) -> Option<ResponseError>,
}

impl Transport for OrderMethod {
    fn provider(&self) -> &'static Provider {
        &PROVIDER
    }

    fn operation(&self) -> &'static str {
        self.method
    }

    fn response_type(&self) -> &'static str {
        self.response.name
    }

    /// The order, known fields only, as the JSON text of its parameter.
    fn prepare(&self, json: Cow<'_, str>, opts: &Value, env: &Env) -> Result<PreparedRequest, Error> {
        let opts = TopOptions::read(opts, env.now_ms)?;
        gateway::prepare(self.method, &[(self.param, &json)], &opts)
    }

    /// `{ "trade": {…} }` for the trade endpoint: the caller passed the parameter map that
    /// `prepareTop` takes. Signing it would send `trade={}` plus an unknown field: refused.
    fn check_placement(&self, order: &Node, issues: &mut Issues) {
        let Node::Object(members) = order else { return };
        if members.len() == 1 && members[0].0 == self.param {
            issues.error(
                &Path::Root.key(self.param),
                Code::Wrapped,
                format!(
                    "pass the order itself, not {{ {0}: order }}: ordercraft puts it in the `{0}` parameter (prepareTop takes the parameter map)",
                    self.param
                ),
            );
        }
    }

    /// JSON or XML, unwrapped to the doc's response field, typed by its schema.
    fn parse(&self, body: &str, opts: &ParseOptions) -> Parsed<Value> {
        let parsed = if body.trim_start().starts_with('<') {
            match crate::xml::to_value(body) {
                Ok((root, value)) => {
                    response::from_value(self.method, Value::Object([(root, value)].into_iter().collect()), opts)
                }
                Err(e) => Parsed::Err(ResponseError::parse(format!("the TOP response is not well-formed XML ({e})"))),
            }
        } else {
            response::parse(self.method, body, opts)
        };
        let Parsed::Ok { data, request_id, .. } = parsed else {
            return parsed;
        };
        let Some(inner) = data.get(self.response_field).cloned() else {
            return Parsed::Err(ResponseError::parse(format!("the response has no `{}`", self.response_field)));
        };
        let data = normalize(inner, self.response);
        match (self.business_failure)(&data) {
            Some(error) => Parsed::Err(ResponseError { request_id, ..error }),
            None => Parsed::Ok { data, request_id, failures: Vec::new() },
        }
    }
}

/// `prepareTop(method, params, opts)`: any TOP method, signed, as a form POST. The `_json`
/// forms take the parameters as JSON text (what the JS boundary passes: numbers keep their digits).
pub fn prepare_top(method: &str, params: &Value, opts: &Value, now_ms: f64) -> Result<PreparedRequest, Error> {
    prepare_top_json(method, &params.to_string(), opts, now_ms)
}

pub fn prepare_top_json(method: &str, params: &str, opts: &Value, now_ms: f64) -> Result<PreparedRequest, Error> {
    let opts = TopOptions::read(opts, now_ms)?;
    let (business, warnings) = gateway::business_parameters_json(params)?;
    let business: Vec<(&str, &str)> = business.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Ok(PreparedRequest { warnings, ..gateway::prepare(method, &business, &opts)? })
}

/// `topStringToSign(params)`: what TOP signs for these parameters (system ones included, if given).
pub fn top_string_to_sign(params: &Value) -> Result<String, Error> {
    top_string_to_sign_json(&params.to_string())
}

pub fn top_string_to_sign_json(params: &str) -> Result<String, Error> {
    Ok(gateway::string_to_sign(&gateway::all_parameters_json(params)?))
}

/// `topSign(params, secret, signMethod)`: the upper-case hex signature of these parameters.
pub fn top_sign(params: &Value, secret: &str, sign_method: Option<&str>) -> Result<String, Error> {
    top_sign_json(&params.to_string(), secret, sign_method)
}

pub fn top_sign_json(params: &str, secret: &str, sign_method: Option<&str>) -> Result<String, Error> {
    let method =
        SignMethod::from_option(sign_method).ok_or_else(|| Error::argument("signMethod", SignMethod::EXPECTED))?;
    Ok(gateway::sign(&gateway::all_parameters_json(params)?, secret, method))
}

/// `parseTopResponse(method, bodyText, opts?)`.
pub fn parse_top_response(method: &str, body: &str, opts: &ParseOptions) -> Parsed<Value> {
    response::parse(method, body, opts)
}
