//! ECCANG-style TMS web service: every call is one SOAP 1.1 `callService` carrying
//! `paramsJson`, `appToken`, `appKey` and `service`, and answered with JSON inside `<response>`.
//! Doc: docs/provider-docs/eccang-createOrder.txt ("完整请求参考报文").

pub mod create_order;

use std::borrow::Cow;

use serde_json::Value;

use crate::endpoint::{Env, Provider, Transport};
use crate::error::Error;
use crate::escape::{entry, push_escaped};
use crate::normalize::js_safe;
use crate::options::{check_request_url, options, Options};
use crate::request::{Headers, PreparedRequest};
use crate::response::{ParseOptions, Parsed, ResponseError};
use crate::validate::text::find_text;

pub const NAMESPACE: &str = "http://www.example.org/Ec/";
pub const CONTENT_TYPE: &str = "text/xml; charset=utf-8";

pub static PROVIDER: Provider = Provider {
    name: "eccang",
    options_type: "EccangOptions",
    options: &ECCANG_OPTIONS,
    gateway_option: "endpoint",
    unprocessed_codes: &[],
};

/// An ECCANG service's [`Transport`]: the order as `paramsJson` of `service`, answered by `parse`.
pub struct Service {
    pub service: &'static str,
    pub parse: fn(&str) -> Parsed<Value>,
    /// The TypeScript type of what `parse` returns as `data`.
    pub response_type: &'static str,
}

impl Transport for Service {
    fn provider(&self) -> &'static Provider {
        &PROVIDER
    }

    fn operation(&self) -> &'static str {
        self.service
    }

    fn response_type(&self) -> &'static str {
        self.response_type
    }

    fn prepare(&self, json: Cow<'_, str>, opts: &Value, _env: &Env) -> Result<PreparedRequest, Error> {
        request(self.service, &json, &EccangOptions::read(opts)?)
    }

    /// `simplify` is TOP's: nothing to change here.
    fn parse(&self, body: &str, _opts: &ParseOptions) -> Parsed<Value> {
        (self.parse)(body)
    }
}

pub struct EccangOptions<'a> {
    /// A secret: never in an error, a log or a preview.
    pub app_token: &'a str,
    pub app_key: &'a str,
    pub endpoint: &'a str,
}

options! {
    /// Options of `prepareEccang`, and of `prepare` for an ECCANG endpoint.
    EccangOptions => ECCANG_OPTIONS {
        req secret appToken: "string", "App token", "never in an error or a log; it is in the request body, as the service requires";
        req credential appKey: "string", "App key", "the account's app key";
        req setting endpoint: "string", "Web service URL", "the forwarder's web service URL (each forwarder has its own)";
    }
}

impl<'a> EccangOptions<'a> {
    pub fn read(opts: &'a Value) -> Result<EccangOptions<'a>, Error> {
        let o = Options::read(opts, "opts", &ECCANG_OPTIONS)?;
        let endpoint = o.required_text("endpoint")?;
        check_request_url(&o, "endpoint", endpoint)?;
        let (app_token, app_key) = (o.required_text("appToken")?, o.required_text("appKey")?);
        for (name, value) in [("appToken", app_token), ("appKey", app_key)] {
            if value.chars().any(char::is_control) {
                return Err(o.error(name, "may not contain control characters"));
            }
        }
        Ok(EccangOptions { app_token, app_key, endpoint })
    }
}

/// Text as XML character data: `&`, `<`, `>` (so `]]>` cannot appear), and both quotes escaped.
/// JSON text never holds a raw control character, so what remains is valid XML 1.0.
const XML_ESCAPED: [[u8; 8]; 256] = {
    let mut table = [[0u8; 8]; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'&' => entry(b"&amp;"),
            b'<' => entry(b"&lt;"),
            b'>' => entry(b"&gt;"),
            b'"' => entry(b"&quot;"),
            b'\'' => entry(b"&apos;"),
            // Every other byte is itself, those of multi-byte characters too.
            byte => entry(&[byte]),
        };
        b += 1;
    }
    table
};

/// The doc's full request, with `params_json` and the credentials escaped into it.
pub fn envelope(service: &str, params_json: &str, opts: &EccangOptions) -> String {
    const HEAD: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        r#"<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1=""#,
    );
    let parts = [
        (HEAD, NAMESPACE),
        (r#""><SOAP-ENV:Body><ns1:callService><paramsJson>"#, params_json),
        ("</paramsJson><appToken>", opts.app_token),
        ("</appToken><appKey>", opts.app_key),
        ("</appKey><service>", service),
    ];
    const TAIL: &str = "</service></ns1:callService></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    // One allocation: JSON text escapes to a little more than itself.
    let given: usize = parts.iter().map(|(markup, text)| markup.len() + text.len()).sum();
    let mut out = Vec::with_capacity(given + params_json.len() / 2 + TAIL.len());
    for (markup, text) in parts {
        out.extend_from_slice(markup.as_bytes());
        push_escaped(text.as_bytes(), &XML_ESCAPED, &mut out);
    }
    out.extend_from_slice(TAIL.as_bytes());
    // Only ASCII bytes were replaced, by ASCII: the UTF-8 is intact.
    String::from_utf8(out).unwrap_or_default()
}

/// The SOAP POST for `service` with these parameters as `paramsJson`.
pub fn request(service: &str, params_json: &str, opts: &EccangOptions) -> Result<PreparedRequest, Error> {
    if service.is_empty() || !service.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(Error::argument("service", "expected a service name such as \"createOrder\""));
    }
    let headers = Headers(vec![
        ("Content-Type", CONTENT_TYPE.to_string()),
        // SOAP 1.1 requires the header; the empty value names the request URI as the intent.
        ("SOAPAction", "\"\"".to_string()),
    ]);
    Ok(PreparedRequest::post(opts.endpoint.to_string(), headers, envelope(service, params_json, opts), None))
}

/// `prepareEccang(service, params, opts)`: any service of the family through the same envelope.
pub fn prepare_eccang(service: &str, params: &Value, opts: &Value) -> Result<PreparedRequest, Error> {
    prepare_eccang_json(service, &params.to_string(), opts)
}

/// `prepare_eccang` of parameters given as JSON text (what the JS boundary passes), sent as given.
pub fn prepare_eccang_json(service: &str, params: &str, opts: &Value) -> Result<PreparedRequest, Error> {
    let opts = EccangOptions::read(opts)?;
    crate::doc::read_argument(params, "params")?;
    request(service, params, &opts)
}

/// The JSON answer: from `<response>` in a SOAP envelope, or the body itself when it is JSON.
/// A SOAP `Fault` is an error (a `Server` fault is worth retrying and says nothing of what became
/// of the request; a `Client` fault is the caller's, a verdict).
pub fn read_answer(body: &str) -> Result<Value, ResponseError> {
    if body.trim_start().starts_with('{') {
        return answer_object(body);
    }
    let envelope = crate::xml::read(body)
        .map_err(|e| ResponseError::parse(format!("the response is neither JSON nor well-formed XML ({e})")))?;
    if let Some(fault) = envelope.find("Fault") {
        let child = |name: &str| fault.child(name).map_or("", |c| c.text.trim());
        let code = child("faultcode").to_string();
        let server = code.ends_with("Server");
        return Err(ResponseError {
            retryable: server,
            no_verdict: server,
            message: format!("SOAP fault: {}", child("faultstring")),
            code: if code.is_empty() { "soap-fault".into() } else { code },
            ..ResponseError::default()
        });
    }
    let response =
        envelope.find("response").ok_or_else(|| ResponseError::parse("the SOAP response has no <response> element"))?;
    answer_object(&response.text)
}

/// The service's answer: a JSON object, whether bare or carried in `<response>`.
fn answer_object(json: &str) -> Result<Value, ResponseError> {
    match crate::doc::read_value(json) {
        Ok(value @ Value::Object(_)) => Ok(js_safe(value)),
        Ok(_) => Err(ResponseError::parse("the answer is not a JSON object")),
        Err(e) => Err(ResponseError::parse(format!("the answer is not JSON ({e})"))),
    }
}

/// `ask: "Success"` is success; `ask: "Failure"` the service's refusal, with `Error.errCode` /
/// `errMessage`. An answer with neither (no `ask`, or another word) says nothing of what became
/// of the request — `{"message": "Success", "order_code": …}` may well be a created parcel — so
/// it is a `parse` error, not a refusal: no verdict.
pub fn from_answer(answer: Value, normalize: impl FnOnce(Value) -> Value) -> Parsed<Value> {
    match answer.get("ask").and_then(Value::as_str) {
        Some("Success") => return Parsed::Ok { data: normalize(answer), request_id: None, failures: Vec::new() },
        Some("Failure") => {}
        _ => {
            return Parsed::Err(ResponseError {
                raw: Some(answer),
                ..ResponseError::parse(
                    "the answer has no `ask` of \"Success\" or \"Failure\": whether the service did it is not known",
                )
            })
        }
    }
    let error = answer.get("Error");
    let text = |v: Option<&Value>| match v {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let message = text(error.and_then(|e| e.get("errMessage")))
        .or_else(|| text(answer.get("message")))
        .unwrap_or_else(|| "the service answered without success".into());
    Parsed::Err(ResponseError {
        code: text(error.and_then(|e| e.get("errCode"))).unwrap_or_else(|| "failure".into()),
        already_exists: says_already_exists(&message),
        message,
        raw: Some(answer),
        ..ResponseError::default()
    })
}

/// The family's refusal of a repeated `reference_no` ("参考号 X 已存在", "… already exists"). The
/// doc names no code for it, so it is read from the words; `createOrder`'s idempotency (a repeat
/// creates no second parcel) rests on this refusal.
fn says_already_exists(message: &str) -> bool {
    find_text(message, "已存在").is_some() || find_text(&message.to_ascii_lowercase(), "already exist").is_some()
}

/// `parseEccangResponse(bodyText)`: any service's answer.
pub fn parse(body: &str) -> Parsed<Value> {
    match read_answer(body) {
        Ok(answer) => from_answer(answer, |v| v),
        Err(e) => Parsed::Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn escaping_keeps_any_text_inside_its_element() {
        let nasty = r#"a&b<c>]]></paramsJson><appToken>x</appToken>"'"#;
        let opts = EccangOptions { app_token: "t&<", app_key: "k", endpoint: "http://x" };
        let params = json!({ "note": nasty, "名": "😀" }).to_string();
        let xml = envelope("createOrder", &params, &opts);
        let escaped = xml.find("<paramsJson>").zip(xml.rfind("</paramsJson>")).and_then(|(a, b)| xml.get(a + 12..b));
        assert!(escaped.is_some_and(|e| !e.contains('<') && !e.contains("]]>") && !e.contains('"')), "{xml}");
        let doc = crate::xml::read(&xml).ok();
        let text = |name: &str| doc.as_ref().and_then(|d| d.find(name)).map(|n| n.text.clone());
        assert_eq!(text("paramsJson"), Some(params));
        assert_eq!(text("appToken").as_deref(), Some("t&<"));
        assert_eq!(text("service").as_deref(), Some("createOrder"));
    }

    #[test]
    fn faults_and_malformed_answers() {
        let fault = r#"<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>Internal Error</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>"#;
        let Parsed::Err(e) = parse(fault) else { panic!("expected a fault") };
        assert_eq!((e.code.as_str(), e.retryable, e.no_verdict), ("SOAP-ENV:Server", true, true));
        assert!(e.message.contains("Internal Error"));
        let client = fault.replace("SOAP-ENV:Server", "SOAP-ENV:Client");
        let Parsed::Err(e) = parse(&client) else { panic!("expected a fault") };
        assert_eq!((e.retryable, e.no_verdict), (false, false), "the caller's fault is a verdict");
        for body in ["", "<a>", "<x><response>not json</response></x>", "<x/>", "[1]"] {
            assert!(matches!(parse(body), Parsed::Err(ref e) if e.code == "parse"), "{body}");
        }
    }
}
