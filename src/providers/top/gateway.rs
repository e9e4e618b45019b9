//! The Taobao Open Platform (TOP) gateway: system parameters, TOP's published signature, form body.
//!
//! Signature (TOP's "API调用方法详解"): sort every parameter but `sign` by name in byte order,
//! concatenate `name` + `value` with no separators (UTF-8), then
//! md5: `MD5(secret + s + secret)`; hmac: `HMAC-MD5(secret, s)`; hmac-sha256: `HMAC-SHA256(secret, s)`;
//! upper-case hex. Parameters with empty values are neither sent nor signed; as in TOP's SDKs
//! (whose `StringUtils.isEmpty` treats whitespace as empty), a whitespace-only value is empty too:
//! it is neither sent nor signed, so what is signed is always what is sent.

use serde_json::Value;

use crate::doc::{self, Node};

use crate::digest::{hmac_md5_upper_hex, hmac_sha256_upper_hex, md5_upper_hex};
use crate::error::Error;
use crate::form::encode_pairs;
use crate::issue::{Code, Issue, Issues, Path};
use crate::options::{check_request_url, options, Options};
use crate::request::{Headers, PreparedRequest, Signing, MASK};
use crate::time::DateTime;

/// TOP's documented production gateway (overseas: `https://api.taobao.com/router/rest`).
pub const DEFAULT_GATEWAY: &str = "https://gw.api.taobao.com/router/rest";

/// Names the gateway itself uses; a business parameter may not take one.
pub const SYSTEM_PARAMETERS: [&str; 11] = [
    "method",
    "app_key",
    "session",
    "timestamp",
    "format",
    "v",
    "sign_method",
    "sign",
    "simplify",
    "partner_id",
    "target_app_key",
];

pub const CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignMethod {
    Md5,
    Hmac,
    HmacSha256,
}

impl SignMethod {
    pub const EXPECTED: &'static str = "expected \"md5\", \"hmac\" or \"hmac-sha256\"";

    /// A `signMethod` option: md5 when absent or empty, `None` for an unknown name.
    pub fn from_option(name: Option<&str>) -> Option<SignMethod> {
        match name.unwrap_or("") {
            "" | "md5" => Some(SignMethod::Md5),
            "hmac" => Some(SignMethod::Hmac),
            "hmac-sha256" => Some(SignMethod::HmacSha256),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SignMethod::Md5 => "md5",
            SignMethod::Hmac => "hmac",
            SignMethod::HmacSha256 => "hmac-sha256",
        }
    }
}

/// The options of `prepareTop` (and of `prepare` for a TOP endpoint), read and checked.
pub struct TopOptions<'a> {
    pub app_key: &'a str,
    pub app_secret: &'a str,
    pub session: Option<&'a str>,
    pub sign_method: SignMethod,
    /// `yyyy-MM-dd HH:mm:ss` in GMT+8.
    pub timestamp: String,
    pub gateway: &'a str,
    pub simplify: bool,
    pub partner_id: Option<&'a str>,
    pub target_app_key: Option<&'a str>,
}

options! {
    /// Options of `prepareTop`, and of `prepare` for a TOP endpoint.
    TopOptions => TOP_OPTIONS {
        req credential appKey: "string", "App key", "the app's key (AppKey)";
        req secret appSecret: "string", "App secret", "never appears in an error, a log or a preview";
        opt secret session: "string", "Session key", "the seller's session key, for methods that act for a seller";
        opt credential signMethod: one_of("md5", "hmac", "hmac-sha256"), "Sign method", "`md5` when absent";
        opt setting timestamp: "string | Date | number", "Timestamp",
            "`yyyy-MM-dd HH:mm:ss` in GMT+8, a `Date`, or epoch milliseconds; now when absent";
        opt setting gateway: "string", "Gateway URL", "`https://gw.api.taobao.com/router/rest` when absent";
        opt setting simplify: "boolean", "Simplified answers", "asks TOP for answers without the method's wrapper";
        opt setting partnerId: "string", "Partner id", "the SDK partner id, sent as `partner_id`";
        opt setting targetAppKey: "string", "Target app key", "the app key of the app called, sent as `target_app_key`";
    }
}

impl<'a> TopOptions<'a> {
    /// `now_ms` is the clock reading used when `opts.timestamp` is not given.
    pub fn read(opts: &'a Value, now_ms: f64) -> Result<TopOptions<'a>, Error> {
        let o = Options::read(opts, "opts", &TOP_OPTIONS)?;
        let sign_method = SignMethod::from_option(o.text("signMethod")?)
            .ok_or_else(|| o.error("signMethod", SignMethod::EXPECTED))?;
        let timestamp = match o.get("timestamp") {
            None => gmt8_timestamp(now_ms).ok_or_else(|| o.error("timestamp", "the clock gave no usable time"))?,
            Some(Value::String(text)) => DateTime::parse(text).map(|t| t.format()).ok_or_else(|| {
                o.error("timestamp", "expected a real date and time as \"yyyy-MM-dd HH:mm:ss\" (GMT+8)")
            })?,
            Some(Value::Number(n)) => n.as_f64().and_then(gmt8_timestamp).ok_or_else(|| {
                o.error("timestamp", "expected whole epoch milliseconds within the years 1000 to 9999")
            })?,
            Some(_) => {
                return Err(
                    o.error("timestamp", "expected a \"yyyy-MM-dd HH:mm:ss\" string, a Date or epoch milliseconds")
                )
            }
        };
        let gateway = o.text("gateway")?.unwrap_or(DEFAULT_GATEWAY);
        check_request_url(&o, "gateway", gateway)?;
        Ok(TopOptions {
            app_key: o.required_text("appKey")?,
            app_secret: o.required_text("appSecret")?,
            session: o.text("session")?,
            sign_method,
            timestamp,
            gateway,
            simplify: o.boolean("simplify")?.unwrap_or(false),
            partner_id: o.text("partnerId")?,
            target_app_key: o.text("targetAppKey")?,
        })
    }
}

/// Epoch milliseconds as TOP's timestamp; `None` for a value that is not a whole, plausible time.
pub fn gmt8_timestamp(epoch_ms: f64) -> Option<String> {
    // Years 1000..=9999 keep the four-digit year of `yyyy`.
    const MIN: f64 = -30_610_224_000_000.0;
    const MAX: f64 = 253_402_300_799_000.0;
    (epoch_ms.fract() == 0.0 && (MIN..=MAX).contains(&epoch_ms))
        .then(|| DateTime::gmt8_from_epoch_ms(epoch_ms as i64).format())
}

/// Whether the SDKs would send this value: not empty, not only whitespace.
fn has_text(value: &str) -> bool {
    // Most values start with a visible ASCII character: no need to look further.
    value.bytes().next().is_some_and(|b| b.is_ascii_graphic()) || !value.trim().is_empty()
}

/// A parameter's value as the gateway receives it: strings as they are; numbers, booleans,
/// objects and lists as their JSON text, numbers with the caller's own digits. `None` for null and
/// for empty or whitespace-only text (not sent, not signed).
fn parameter_text(value: &Node) -> Option<String> {
    match value {
        Node::Null => None,
        Node::String(s) if !has_text(s) => None,
        Node::String(s) => Some(s.to_string()),
        other => Some(other.to_string()),
    }
}

/// Parameters given as JSON text (`JSON.stringify`'s, from JS): the object's members, `None` for
/// null. A name repeated in the object is refused, as in an order; anything else is `expected`.
fn parameter_members<'a>(text: &'a str, expected: &str) -> Result<Option<Vec<(String, Node<'a>)>>, Error> {
    match doc::read_argument(text, "params")?.root {
        Node::Null => Ok(None),
        Node::Object(members) => {
            Ok(Some(members.into_iter().map(|(name, value)| (name.into_owned(), value)).collect()))
        }
        _ => Err(Error::argument("params", expected)),
    }
}

/// Business parameters, checked: an object whose names are not TOP system parameters. The
/// warnings name each text left out for being empty or only whitespace.
pub fn business_parameters(params: &Value) -> Result<(Pairs, Vec<Issue>), Error> {
    business_parameters_json(&params.to_string())
}

/// `business_parameters` of parameters given as JSON text.
pub fn business_parameters_json(text: &str) -> Result<(Pairs, Vec<Issue>), Error> {
    let members = parameter_members(text, "expected an object of business parameters")?.unwrap_or_default();
    let mut issues = Issues::default();
    // The caller wrote a text here, and it will not reach the gateway: said, not done silently.
    // (A null is the caller's own "no value", left out as in an order.)
    for (name, _) in members.iter().filter(|(_, v)| matches!(v, Node::String(s) if !has_text(s))) {
        issues.warning(
            &Path::Root.key(name),
            Code::Length,
            format!("`{name}` is empty or only whitespace, which TOP's SDKs neither send nor sign: left out"),
        );
    }
    for (name, _) in members.iter().filter(|(n, _)| SYSTEM_PARAMETERS.contains(&n.as_str())) {
        issues.error(
            &Path::Root.key(name),
            Code::Reserved,
            format!("`{name}` is a TOP system parameter; set it through opts, not as a business parameter"),
        );
    }
    // Past 2^53 a JS number has already lost digits: what would be signed is not what was meant.
    for (name, _) in members.iter().filter(|(_, v)| matches!(v, Node::Number(n) if !is_js_exact(n.value()))) {
        issues.error(
            &Path::Root.key(name),
            Code::Precision,
            format!("`{name}` is past 2^53, where a JS number loses digits; pass it as a string"),
        );
    }
    if issues.has_errors() {
        return Err(Error::Validation(issues.into_vec()));
    }
    Ok((parameter_pairs(members), issues.into_vec()))
}

/// A whole number a JS number holds exactly, or a number with a fraction (sent as written).
fn is_js_exact(n: &serde_json::Number) -> bool {
    match (n.as_i64(), n.as_u64(), n.as_f64()) {
        (Some(i), _, _) => crate::schema::is_safe_integer(i),
        (None, Some(_), _) => false,
        (None, None, Some(f)) => f.fract() != 0.0 || f.abs() <= crate::schema::MAX_SAFE_INTEGER as f64,
        _ => false,
    }
}

/// Parameters as `(name, text)`, in the caller's order.
pub type Pairs = Vec<(String, String)>;

/// Every parameter with a value, as `(name, text)`; empty ones are left out.
fn parameter_pairs(members: Vec<(String, Node)>) -> Pairs {
    members.into_iter().filter_map(|(k, v)| Some((k, parameter_text(&v)?))).collect()
}

/// Parameters to sign as given (system parameters allowed), from JSON text.
pub fn all_parameters_json(text: &str) -> Result<Pairs, Error> {
    const EXPECTED: &str = "expected an object of parameters";
    let members = parameter_members(text, EXPECTED)?.ok_or_else(|| Error::argument("params", EXPECTED))?;
    Ok(parameter_pairs(members))
}

/// Parameters in byte order of their names, as TOP signs them. Names are unique (an object's
/// members, a repeated name refused), so an unstable sort gives the one order; one function for
/// both sorts keeps one copy of the sort in the wasm.
fn sort_by_name(params: &mut [(&str, &str)]) {
    params.sort_unstable_by(|a, b| a.0.cmp(b.0));
}

/// What TOP signs: parameters but `sign` and the empty ones, sorted by name in byte order,
/// each `name` followed by `value`.
pub fn string_to_sign<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)]) -> String {
    let mut signed = Vec::with_capacity(params.len());
    signed.extend(params.iter().map(|(k, v)| (k.as_ref(), v.as_ref())).filter(|(k, v)| *k != "sign" && has_text(v)));
    sort_by_name(&mut signed);
    let mut out = String::with_capacity(signed.iter().map(|(k, v)| k.len() + v.len()).sum());
    for (k, v) in signed {
        out.push_str(k);
        out.push_str(v);
    }
    out
}

pub fn sign<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)], secret: &str, method: SignMethod) -> String {
    sign_text(&string_to_sign(params), secret, method)
}

fn sign_text(text: &str, secret: &str, method: SignMethod) -> String {
    match method {
        SignMethod::Md5 => md5_upper_hex(&[secret.as_bytes(), text.as_bytes(), secret.as_bytes()]),
        SignMethod::Hmac => hmac_md5_upper_hex(secret.as_bytes(), text.as_bytes()),
        SignMethod::HmacSha256 => hmac_sha256_upper_hex(secret.as_bytes(), text.as_bytes()),
    }
}

/// What was hashed, the secret masked: md5 wraps the text in the secret, the HMACs key with it.
fn signing(params: &[(&str, &str)], secret: &str, method: SignMethod) -> Signing {
    let text = string_to_sign(params);
    let signature = sign_text(&text, secret, method);
    let string_to_sign = match method {
        SignMethod::Md5 => {
            let mut masked = String::with_capacity(text.len() + 2 * MASK.len());
            masked.extend([MASK, &text, MASK]);
            masked
        }
        SignMethod::Hmac | SignMethod::HmacSha256 => text,
    };
    Signing { string_to_sign, signature }
}

/// Checks a TOP method name: dotted lower-case words such as `alibaba.wdk.trade.order.create`.
pub fn check_method(method: &str) -> Result<(), Error> {
    let ok = !method.is_empty()
        && method.split('.').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
    if ok {
        Ok(())
    } else {
        Err(Error::argument("method", "expected a TOP method name such as \"alibaba.wdk.trade.order.create\""))
    }
}

/// Builds the signed form POST for `method` with these business parameters. Every parameter,
/// system ones included, travels in the body (none in the URL, where proxies log them).
pub fn prepare(method: &str, business: &[(&str, &str)], opts: &TopOptions) -> Result<PreparedRequest, Error> {
    check_method(method)?;
    let system = [
        ("method", Some(method)),
        ("app_key", Some(opts.app_key)),
        ("session", opts.session),
        ("timestamp", Some(opts.timestamp.as_str())),
        ("format", Some("json")),
        ("v", Some("2.0")),
        ("sign_method", Some(opts.sign_method.as_str())),
        ("simplify", opts.simplify.then_some("true")),
        ("partner_id", opts.partner_id),
        ("target_app_key", opts.target_app_key),
    ];
    let system = system.into_iter().filter_map(|(name, value)| Some((name, value.filter(|v| has_text(v))?)));
    // Room for the signature too: one allocation.
    let mut params = Vec::with_capacity(business.len() + SYSTEM_PARAMETERS.len());
    params.extend(business.iter().copied().chain(system));
    sort_by_name(&mut params);
    let signing = signing(&params, opts.app_secret, opts.sign_method);
    params.push(("sign", &signing.signature));
    let body = encode_pairs(params.iter().copied());
    let headers = Headers(vec![("Content-Type", CONTENT_TYPE.to_string())]);
    Ok(PreparedRequest::post(opts.gateway.to_string(), headers, body, Some(signing)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Severity;
    use serde_json::json;

    fn pairs(list: &[(&str, &str)]) -> Pairs {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn string_to_sign_sorts_by_bytes_and_skips_sign_and_empty() {
        let p = pairs(&[("b", "2"), ("a", "1"), ("sign", "X"), ("empty", ""), ("B", "3"), ("a_b", "4")]);
        // Byte order: upper case before lower case, `a` before `a_b` before `b`.
        assert_eq!(string_to_sign(&p), "B3a1a_b4b2");
    }

    // TOP's own worked example (open.taobao.com "签名算法"): app_key 12345678, secret helloworld,
    // md5 → 66987CB115214E59E6EC978214934FB8.
    #[test]
    fn md5_matches_tops_published_example() {
        let p = pairs(&[
            ("method", "taobao.item.seller.get"),
            ("app_key", "12345678"),
            ("session", "test"),
            ("timestamp", "2016-01-01 12:00:00"),
            ("format", "json"),
            ("v", "2.0"),
            ("sign_method", "md5"),
            ("fields", "num_iid,title,nick,price,num"),
            ("num_iid", "11223344"),
        ]);
        assert_eq!(sign(&p, "helloworld", SignMethod::Md5), "66987CB115214E59E6EC978214934FB8");
    }

    #[test]
    fn options_default_md5_production_gateway_and_gmt8_clock() {
        let opts = json!({ "appKey": "k", "appSecret": "s" });
        let o = TopOptions::read(&opts, 1_516_869_612_000.0).ok();
        let o = o.as_ref();
        assert_eq!(o.map(|o| o.sign_method), Some(SignMethod::Md5));
        assert_eq!(o.map(|o| o.gateway), Some(DEFAULT_GATEWAY));
        assert_eq!(o.map(|o| o.timestamp.as_str()), Some("2018-01-25 16:40:12"));
    }

    #[test]
    fn options_reject_bad_timestamps_and_methods() {
        for (opts, argument) in [
            (json!({ "appKey": "k", "appSecret": "s", "timestamp": "2019-02-30 10:00:00" }), "opts.timestamp"),
            (json!({ "appKey": "k", "appSecret": "s", "timestamp": 1.5 }), "opts.timestamp"),
            (json!({ "appKey": "k", "appSecret": "s", "signMethod": "sha1" }), "opts.signMethod"),
            (json!({ "appKey": "k" }), "opts.appSecret"),
            (json!({ "appKey": "k", "appSecret": "s", "gateway": "ftp://x" }), "opts.gateway"),
        ] {
            let err = TopOptions::read(&opts, 0.0).err();
            assert!(matches!(err, Some(Error::Argument { argument: ref a, .. }) if a == argument), "{opts}");
        }
    }

    #[test]
    fn business_parameters_refuse_system_names_and_drop_empty() {
        let err = business_parameters(&json!({ "sign": "x", "app_key": "y", "ok": 1 })).err();
        let Some(Error::Validation(issues)) = err else { panic!("expected validation error") };
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["/sign", "/app_key"]);
        assert!(issues.iter().all(|i| i.code == Code::Reserved));

        let p = business_parameters(&json!({ "a": "", "b": null, "c": { "x": [1, "二"] }, "d": true, "e": 0.5 }));
        let (sent, warnings) = p.unwrap_or_default();
        assert_eq!(sent, pairs(&[("c", r#"{"x":[1,"二"]}"#), ("d", "true"), ("e", "0.5")]));
        // The empty text is said to be left out; the null is the caller's own "no value".
        let said: Vec<_> = warnings.iter().map(|w| (w.path.as_str(), w.code, w.severity)).collect();
        assert_eq!(said, [("/a", Code::Length, Severity::Warning)]);
    }

    #[test]
    fn whitespace_only_values_are_neither_sent_nor_signed() {
        let p = business_parameters(&json!({ "a": "  ", "b": "\t", "c": " x " }));
        let (sent, warnings) = p.unwrap_or_default();
        assert_eq!(sent, pairs(&[("c", " x ")]));
        let paths: Vec<&str> = warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["/a", "/b"]);
        assert!(warnings[0].message.contains("`a` is empty or only whitespace"), "{}", warnings[0].message);
        let signed = string_to_sign(&pairs(&[("a", " "), ("b", "1")]));
        assert_eq!(signed, "b1");
        // A whitespace-only session is no session: not in the body, not signed.
        let opts = json!({ "appKey": "k", "appSecret": "s", "session": "   ", "timestamp": "2016-01-01 12:00:00" });
        let req = TopOptions::read(&opts, 0.0).and_then(|o| prepare("a.b", &[], &o));
        let body = req.map(|r| r.body).unwrap_or_default();
        assert!(!body.contains("session"), "{body}");
    }

    #[test]
    fn numbers_past_2_53_are_refused() {
        for big in [json!(9_007_199_254_740_993_u64), json!(1e17)] {
            let err = business_parameters(&json!({ "num_iid": big })).err();
            let Some(Error::Validation(issues)) = err else { panic!("expected a refusal of {big}") };
            assert_eq!((issues[0].path.as_str(), issues[0].code), ("/num_iid", Code::Precision));
        }
        assert!(business_parameters(&json!({ "a": 9_007_199_254_740_991_u64, "b": 0.5, "c": -3 })).is_ok());
    }

    #[test]
    fn prepare_puts_everything_in_the_signed_form_body() {
        let opts = json!({ "appKey": "12345678", "appSecret": "helloworld", "session": "test", "timestamp": "2016-01-01 12:00:00" });
        let o = TopOptions::read(&opts, 0.0);
        let req = o.and_then(|o| {
            prepare(
                "taobao.item.seller.get",
                &[("fields", "num_iid,title,nick,price,num"), ("num_iid", "11223344")],
                &o,
            )
        });
        let req = req.ok();
        assert_eq!(req.as_ref().map(|r| r.url.as_str()), Some(DEFAULT_GATEWAY));
        assert_eq!(
            req.map(|r| r.body).as_deref(),
            Some("app_key=12345678&fields=num_iid%2Ctitle%2Cnick%2Cprice%2Cnum&format=json&method=taobao.item.seller.get&num_iid=11223344&session=test&sign_method=md5&timestamp=2016-01-01+12%3A00%3A00&v=2.0&sign=66987CB115214E59E6EC978214934FB8")
        );
    }

    #[test]
    fn method_names_are_checked() {
        assert!(check_method("alibaba.wdk.trade.order.create").is_ok());
        for bad in ["", "a..b", "a.b\r\nx", "a b"] {
            assert!(check_method(bad).is_err(), "{bad:?}");
        }
    }
}
