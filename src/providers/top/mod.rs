//! Taobao Open Platform (TOP): the gateway every TOP method goes through, and the two TOP order
//! endpoints built on it.

pub mod gateway;
pub mod intention_order;
pub mod response;
pub mod trade_order;

use serde_json::Value;

use crate::endpoint::{Endpoint, Transport};
use crate::error::Error;
use crate::normalize::normalize;
use crate::request::PreparedRequest;
use crate::response::{Parsed, ResponseError};
use crate::schema::Schema;

pub use gateway::{SignMethod, TopOptions};

/// How an order endpoint rides on the gateway.
pub struct OrderMethod {
    pub method: &'static str,
    /// The business parameter that carries the order as JSON text.
    pub param: &'static str,
    /// The field of `<method>_response` that the doc's response table describes.
    pub response_field: &'static str,
    pub response: &'static Schema,
    /// A failure reported inside a successful gateway response.
    pub business_failure: fn(&Value) -> Option<ResponseError>,
}

pub const INTENTION_ORDER_SAVE: Endpoint = Endpoint {
    id: "top:alibaba.intention.order.save",
    provider: "top",
    title: "ICBU CRM intention order",
    title_zh: "意向单创建接口",
    order: &intention_order::INTENTION_ORDER,
    rules: intention_order::rules,
    example: intention_order::example,
    transport: Transport::Top(&OrderMethod {
        method: "alibaba.intention.order.save",
        param: "intention_order",
        response_field: "value",
        response: &intention_order::INTENTION_ORDER_RESPONSE,
        business_failure: |_| None,
    }),
    // No field of the request identifies it to the gateway: a repeat creates a second order.
    idempotent: false,
};

pub const TRADE_ORDER_CREATE: Endpoint = Endpoint {
    id: "top:alibaba.wdk.trade.order.create",
    provider: "top",
    title: "Hema (Freshippo) external trade order",
    title_zh: "外部交易订单创单接口",
    order: &trade_order::TRADE_ORDER,
    rules: trade_order::rules,
    example: trade_order::example,
    transport: Transport::Top(&OrderMethod {
        method: "alibaba.wdk.trade.order.create",
        param: "trade",
        response_field: "result",
        response: &trade_order::ORDER_RESULT,
        business_failure: |result| {
            (result.get("success") == Some(&Value::Bool(false))).then(|| {
                let text = |name| result.get(name).and_then(Value::as_str).map(str::to_string);
                ResponseError {
                    code: text("error_code").unwrap_or_else(|| "failed".into()),
                    message: text("error_msg")
                        .unwrap_or_else(|| "Hema did not create the order (success: false)".into()),
                    ..ResponseError::default()
                }
            })
        },
    }),
    // `out_order_id` is the merchant's id, but the doc does not say Hema refuses a repeat.
    idempotent: false,
};

/// `prepare` for a TOP order endpoint: the order, known fields only, as the JSON text of its parameter.
pub fn prepare_order(method: &OrderMethod, json: String, opts: &Value, now_ms: f64) -> Result<PreparedRequest, Error> {
    let opts = TopOptions::read(opts, now_ms)?;
    gateway::prepare(method.method, vec![(method.param.to_string(), json)], &opts)
}

/// `parseResponse` for a TOP order endpoint: JSON or XML, unwrapped to the doc's response field,
/// typed by its schema.
pub fn parse_order_response(method: &OrderMethod, body: &str) -> Parsed<Value> {
    let parsed = if body.trim_start().starts_with('<') {
        match crate::xml::to_value(body) {
            Ok((root, value)) => {
                response::from_value(method.method, Value::Object([(root, value)].into_iter().collect()))
            }
            Err(e) => Parsed::Err(ResponseError::parse(format!("the TOP response is not well-formed XML ({e})"))),
        }
    } else {
        response::parse(method.method, body)
    };
    let Parsed::Ok { data, request_id, .. } = parsed else {
        return parsed;
    };
    let Some(inner) = data.get(method.response_field).cloned() else {
        return Parsed::Err(ResponseError::parse(format!("the response has no `{}`", method.response_field)));
    };
    let data = normalize(inner, method.response);
    match (method.business_failure)(&data) {
        Some(error) => Parsed::Err(ResponseError { request_id, ..error }),
        None => Parsed::Ok { data, request_id, failures: Vec::new() },
    }
}

/// `prepareTop(method, params, opts)`: any TOP method, signed, as a form POST.
pub fn prepare_top(method: &str, params: &Value, opts: &Value, now_ms: f64) -> Result<PreparedRequest, Error> {
    let opts = TopOptions::read(opts, now_ms)?;
    gateway::prepare(method, gateway::business_parameters(params)?, &opts)
}

/// `topStringToSign(params)`: what TOP signs for these parameters (system ones included, if given).
pub fn top_string_to_sign(params: &Value) -> Result<String, Error> {
    Ok(gateway::string_to_sign(&all_parameters(params)?))
}

/// `topSign(params, secret, signMethod)`: the upper-case hex signature of these parameters.
pub fn top_sign(params: &Value, secret: &str, sign_method: Option<&str>) -> Result<String, Error> {
    let method =
        SignMethod::from_option(sign_method).ok_or_else(|| Error::argument("signMethod", SignMethod::EXPECTED))?;
    Ok(gateway::sign(&all_parameters(params)?, secret, method))
}

/// Parameters to sign as given, system parameters allowed.
fn all_parameters(params: &Value) -> Result<Vec<(String, String)>, Error> {
    match params {
        Value::Object(map) => Ok(gateway::parameter_pairs(map)),
        _ => Err(Error::argument("params", "expected an object of parameters")),
    }
}

/// `parseTopResponse(method, bodyText)`.
pub fn parse_top_response(method: &str, body: &str) -> Parsed<Value> {
    response::parse(method, body)
}
