//! PandaPon open API (fronts 1688 purchasing for cross-border buyers): signed JSON POSTs.
//! Doc: docs/provider-docs/pandapon-alibaba-order-create-previewbatch.txt.

pub mod preview_batch;
pub mod sign;

use std::borrow::Cow;

use serde_json::Value;

use crate::endpoint::{Entropy, Env, Provider, Transport};
use crate::error::Error;
use crate::normalize::js_safe;
use crate::options::is_dot_segment;
use crate::request::{Headers, PreparedRequest, Signing};
use crate::response::{ParseOptions, Parsed, ResponseError};

pub use sign::PandaponOptions;

pub const CONTENT_TYPE: &str = "application/json";

pub static PROVIDER: Provider = Provider {
    name: "pandapon",
    options_type: "PandaponOptions",
    options: &sign::PANDAPON_OPTIONS,
    gateway_option: "baseUrl",
    // 429: rate limited before anything ran.
    unprocessed_codes: &["429"],
};

/// A PandaPon endpoint's [`Transport`]: a signed JSON POST to `path`, answered by `parse`.
pub struct ApiPath {
    pub path: &'static str,
    pub parse: fn(&str) -> Parsed<Value>,
    /// The TypeScript type of what `parse` returns as `data`.
    pub response_type: &'static str,
}

impl Transport for ApiPath {
    fn provider(&self) -> &'static Provider {
        &PROVIDER
    }

    fn operation(&self) -> &'static str {
        self.path
    }

    fn response_type(&self) -> &'static str {
        self.response_type
    }

    fn prepare(&self, json: Cow<'_, str>, opts: &Value, env: &Env) -> Result<PreparedRequest, Error> {
        request(self.path, json.into_owned(), &PandaponOptions::read(opts, env.now_ms, env.entropy)?)
    }

    /// `simplify` is TOP's: nothing to change here.
    fn parse(&self, body: &str, _opts: &ParseOptions) -> Parsed<Value> {
        (self.parse)(body)
    }
}

/// `preparePandapon(path, body, opts)`: any PandaPon endpoint, signed.
pub fn prepare_pandapon(
    path: &str,
    body: &Value,
    opts: &Value,
    now_ms: f64,
    entropy: Entropy,
) -> Result<PreparedRequest, Error> {
    prepare_pandapon_json(path, &body.to_string(), opts, now_ms, entropy)
}

/// `prepare_pandapon` of a body given as JSON text (what the JS boundary passes), sent as given.
pub fn prepare_pandapon_json(
    path: &str,
    body: &str,
    opts: &Value,
    now_ms: f64,
    entropy: Entropy,
) -> Result<PreparedRequest, Error> {
    let opts = PandaponOptions::read(opts, now_ms, entropy)?;
    crate::doc::read_argument(body, "body")?;
    request(path, body.to_string(), &opts)
}

/// The signed POST of `json` to `path`.
pub fn request(path: &str, json: String, opts: &PandaponOptions) -> Result<PreparedRequest, Error> {
    let path_ok = path.starts_with('/')
        && path.bytes().all(|b| b.is_ascii_alphanumeric() || b"/-_.".contains(&b))
        && !path.split('/').any(is_dot_segment);
    if !path_ok {
        return Err(Error::argument(
            "path",
            "expected an API path such as \"/alibaba/order/create/previewbatch\" (no `.` or `..` segment)",
        ));
    }
    let signature = sign::signature(opts);
    let headers = Headers(vec![
        ("access-key", opts.access_key.to_string()),
        ("nonce-str", opts.nonce.clone()),
        ("timestamp", opts.timestamp.clone()),
        ("user-id", opts.user_id.to_string()),
        ("signature", signature.clone()),
        ("Content-Type", CONTENT_TYPE.to_string()),
    ]);
    let signing = Signing { string_to_sign: sign::masked_string_to_sign(opts), signature };
    Ok(PreparedRequest::post([opts.base_url, path].concat(), headers, json, Some(signing)))
}

/// `pandaponStringToSign(opts)`: the signed text for these options, the secret masked.
pub fn pandapon_string_to_sign(opts: &Value, now_ms: f64, entropy: Entropy) -> Result<String, Error> {
    Ok(sign::masked_string_to_sign(&PandaponOptions::read(opts, now_ms, entropy)?))
}

/// The envelope every PandaPon answer has: `code` 200 is success, anything else an error
/// with `msg`. Returns the `data` and the request id.
pub fn read_envelope(body: &str) -> Result<(Value, Option<String>), ResponseError> {
    let value = crate::doc::read_value(body)
        .map_err(|e| ResponseError::parse(format!("the PandaPon response is not JSON ({e})")))?;
    let Value::Object(mut map) = value else {
        return Err(ResponseError::parse("the PandaPon response is not a JSON object"));
    };
    let request_id = map.get("requestId").and_then(Value::as_str).map(str::to_string);
    let code = match map.get("code") {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => return Err(ResponseError::parse("the PandaPon response has no `code`")),
    };
    if code != "200" {
        let msg = map.get("msg").and_then(Value::as_str).unwrap_or("PandaPon refused the request").to_string();
        // 429 (rate limited) and the gateway's 502–504 are worth another try; the rest are the request's fault.
        let retryable = matches!(code.as_str(), "429" | "502" | "503" | "504");
        // A 5xx code is the service failing, not its verdict on the request: what became of it is not known.
        let no_verdict = code.len() == 3 && code.starts_with('5');
        return Err(ResponseError {
            code,
            message: msg,
            request_id,
            retryable,
            no_verdict,
            ..ResponseError::default()
        });
    }
    Ok((map.remove("data").unwrap_or(Value::Null), request_id))
}

/// `parseResponse` for a PandaPon endpoint without a dedicated reader.
pub fn parse(body: &str) -> Parsed<Value> {
    match read_envelope(body) {
        Ok((data, request_id)) => Parsed::Ok { data: js_safe(data), request_id, failures: Vec::new() },
        Err(e) => Parsed::Err(e),
    }
}
