//! Reading what the TOP gateway answers: `{"<method>_response": …}` or `{"error_response": …}`.
//! With `simplify=true` the success has no wrapper (the method's object is the root) and an error
//! is still `{"error_response": …}`: what TOP's Java SDK (`SimplifyJsonConverter`) reads.

use serde_json::{Map, Value};

use crate::normalize::js_safe;
use crate::response::{ParseOptions, Parsed, ResponseError};
use crate::validate::text::find_text;

/// The name of the success wrapper: dots become underscores, then `_response`.
pub fn response_key(method: &str) -> String {
    format!("{}_response", method.replace('.', "_"))
}

/// Parses a TOP JSON body into the method's response object (`data`) or the gateway's error.
pub fn parse(method: &str, body: &str, opts: &ParseOptions) -> Parsed<Value> {
    match crate::doc::read_value(body) {
        Ok(value) => from_value(method, value, opts),
        Err(e) => Parsed::Err(ResponseError::parse(format!("the TOP response is not JSON ({e})"))),
    }
}

/// Reads a TOP response already turned into a JSON value (from JSON or from XML).
pub fn from_value(method: &str, value: Value, opts: &ParseOptions) -> Parsed<Value> {
    let Value::Object(mut root) = value else {
        return Parsed::Err(ResponseError::parse("the TOP response is not a JSON object"));
    };
    if let Some(Value::Object(error)) = root.get("error_response") {
        return Parsed::Err(gateway_error(error));
    }
    let key = response_key(method);
    let data = if opts.simplify { Some(Value::Object(root)) } else { root.remove(&key) };
    match data {
        Some(Value::Object(data)) => {
            let request_id = data.get("request_id").and_then(text);
            Parsed::Ok { data: js_safe(Value::Object(data)), request_id, failures: Vec::new() }
        }
        _ => Parsed::Err(ResponseError::parse(format!("the TOP response has neither `{key}` nor `error_response`"))),
    }
}

fn gateway_error(error: &Map<String, Value>) -> ResponseError {
    let field = |name: &str| error.get(name).and_then(text);
    let code = field("code").unwrap_or_default();
    let msg = field("msg");
    let sub_code = field("sub_code");
    let sub_msg = field("sub_msg");
    // Worth retrying: 7 "App Call Limited" (after the wait it names), and the platform's faults,
    // 10 "Service Currently Unavailable", any `isp.*` sub-code, and 15 "Remote Service Error"
    // (the backend failing) unless an `isv.*` sub-code says it refused the request; 25 bad
    // signature, 27 invalid session, 29 invalid app key, 40/41 missing or invalid arguments and
    // every `isv.*` sub-code are the caller's and are not.
    let isv = sub_code.as_deref().is_some_and(|s| s.starts_with("isv."));
    let platform_fault =
        code == "10" || sub_code.as_deref().is_some_and(|s| s.starts_with("isp.")) || (code == "15" && !isv);
    let retryable = code == "7" || platform_fault;
    let retry_after_seconds =
        if code == "7" { sub_msg.as_deref().or(msg.as_deref()).and_then(ban_seconds) } else { None };
    let message = match (&sub_msg, &msg) {
        (Some(sub), _) => format!("{sub} ({})", sub_code.as_deref().unwrap_or(&code)),
        (None, Some(msg)) => format!("{msg} ({code})"),
        (None, None) => format!("TOP error {code}"),
    };
    ResponseError {
        code,
        message,
        msg,
        sub_code,
        sub_msg,
        request_id: field("request_id"),
        retryable,
        retry_after_seconds,
        // The platform failed (the faults above: an `isp.*` such as
        // `isp.top-remote-connection-timeout` is its call to the backend timing out): it does not
        // say whether the backend created the order, so it is no refusal.
        no_verdict: platform_fault,
        ..ResponseError::default()
    }
}

/// The wait in TOP's call-limit message: "This ban will last for 71 more seconds".
fn ban_seconds(message: &str) -> Option<u32> {
    let before = find_text(message, " more second").map_or(message, |end| &message[..end]);
    before.rsplit(' ').next()?.parse().ok()
}

/// A scalar as text: TOP's JSON gives codes as numbers, its XML as text.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_unwraps_the_method_object() {
        let body =
            r#"{"alibaba_intention_order_save_response":{"value":{"intention_id":"1234567890"},"request_id":"r1"}}"#;
        let Parsed::Ok { data, request_id, .. } = parse("alibaba.intention.order.save", body, &ParseOptions::default())
        else {
            panic!("expected ok")
        };
        assert_eq!(data["value"]["intention_id"], "1234567890");
        assert_eq!(request_id.as_deref(), Some("r1"));
    }

    #[test]
    fn error_response_is_classified() {
        let body = r#"{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数","request_id":"abc"}}"#;
        let Parsed::Err(e) = parse("x.y", body, &ParseOptions::default()) else { panic!("expected error") };
        assert_eq!((e.code.as_str(), e.sub_code.as_deref(), e.retryable), ("50", Some("isv.invalid-parameter"), false));
        assert_eq!(e.request_id.as_deref(), Some("abc"));
        assert_eq!(e.message, "非法参数 (isv.invalid-parameter)");

        assert!(!e.no_verdict, "the caller's fault is a verdict: nothing was done");
        let refused = r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.trade-exist"}}"#;
        let Parsed::Err(e) = parse("x.y", refused, &ParseOptions::default()) else { panic!("expected error") };
        assert!(!e.no_verdict && !e.retryable, "the backend's own refusal is a verdict");

        // The platform's fault: retryable, and no verdict (the backend may have done the work).
        for body in [
            r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout"}}"#,
            r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.unknown-error"}}"#,
            r#"{"error_response":{"code":10,"msg":"Service Currently Unavailable"}}"#,
            // The backend failing without saying it refused (no sub-code, or none of the caller's).
            r#"{"error_response":{"code":15,"msg":"Remote service error"}}"#,
            r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"remote-error"}}"#,
        ] {
            let Parsed::Err(e) = parse("x.y", body, &ParseOptions::default()) else { panic!("expected error") };
            assert_eq!((e.retryable, e.no_verdict), (true, true), "{body}");
        }

        let limited = r#"{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 71 more seconds"}}"#;
        let Parsed::Err(e) = parse("x.y", limited, &ParseOptions::default()) else { panic!("expected error") };
        assert_eq!((e.retryable, e.retry_after_seconds, e.no_verdict), (true, Some(71), false));

        for code in [25, 27, 29, 40, 41] {
            let body = format!(r#"{{"error_response":{{"code":{code},"msg":"m"}}}}"#);
            assert!(
                matches!(
                    parse("x.y", &body, &ParseOptions::default()),
                    Parsed::Err(ResponseError { retryable: false, .. })
                ),
                "{code}"
            );
        }
    }

    #[test]
    fn malformed_bodies_are_parse_errors() {
        for body in ["", "<html>502</html>", "[]", r#"{"other_response":{}}"#, r#"{"x_y_response":"text"}"#] {
            let Parsed::Err(e) = parse("x.y", body, &ParseOptions::default()) else {
                panic!("expected error for {body}")
            };
            assert_eq!(e.code, "parse", "{body}");
            assert!(!e.retryable);
        }
    }
}
