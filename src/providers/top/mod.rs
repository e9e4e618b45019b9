//! Taobao Open Platform (TOP): the gateway every TOP method goes through.

pub mod gateway;
pub mod response;

use serde_json::Value;

use crate::error::Error;
use crate::request::PreparedRequest;
use crate::response::Parsed;

pub use gateway::{SignMethod, TopOptions};

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
    let method = match sign_method {
        None | Some("") => SignMethod::Md5,
        Some(name) => SignMethod::parse(name)
            .ok_or_else(|| Error::argument("signMethod", "expected \"md5\", \"hmac\" or \"hmac-sha256\""))?,
    };
    Ok(gateway::sign(&all_parameters(params)?, secret, method))
}

/// Parameters to sign as given, system parameters allowed.
fn all_parameters(params: &Value) -> Result<Vec<(String, String)>, Error> {
    match params {
        Value::Object(map) => {
            Ok(map.iter().filter_map(|(k, v)| Some((k.clone(), gateway::parameter_text(v)?))).collect())
        }
        _ => Err(Error::argument("params", "expected an object of parameters")),
    }
}

/// `parseTopResponse(method, bodyText)`.
pub fn parse_top_response(method: &str, body: &str) -> Parsed<Value> {
    response::parse(method, body)
}
