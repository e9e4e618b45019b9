//! The JS boundary: converts arguments, calls the core, converts results and errors. No logic.

use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::api;
use crate::endpoint::Env;
use crate::error::Error;
use crate::issue::Issue;
use crate::providers::{eccang, pandapon, top};
use crate::request::PreparedRequest;
use crate::words::{same_bytes, utf16_length};

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(name: &str, message: &str, detail: JsValue, suggestion: Option<String>) -> JsValue;
}

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &js_sys::JsString, bytes: &mut [u8]) -> usize;
    #[wasm_bindgen(js_name = preparedRequest)]
    fn prepared_request(
        texts: &str,
        lengths: &[u32],
        header_count: usize,
        spliced: u8,
        order: JsValue,
        body: &str,
        signed: bool,
        string_to_sign: &str,
        warnings: JsValue,
    ) -> JsValue;
    #[wasm_bindgen(catch, js_name = dateKeys)]
    fn date_keys(object: &JsValue) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(catch, js_name = timestampDate)]
    fn timestamp_date(opts: &JsValue) -> Result<Option<f64>, JsValue>;
    #[wasm_bindgen(js_name = issueList)]
    fn issue_list(texts: &str, lengths: &[u32]) -> JsValue;
    fn validation(ok: bool, issues: JsValue) -> JsValue;
    #[wasm_bindgen(js_name = numberText)]
    fn number_text(text: &str) -> String;
    #[wasm_bindgen(js_name = jsonStringify)]
    fn json_stringify(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = webCrypto)]
    fn web_crypto() -> Option<web_sys::Crypto>;
}

#[wasm_bindgen(module = "/js/unwritten.js")]
extern "C" {
    #[wasm_bindgen(js_name = mayBeUnwritten)]
    fn may_be_unwritten(value: &JsValue) -> bool;
    fn unwritten(value: &JsValue) -> Option<Vec<String>>;
}

fn js_error(error: Error) -> JsValue {
    let message = error.message();
    match error {
        Error::Validation(issues) => make_error("OrderValidationError", &message, issues_to_js(&issues), None),
        Error::Argument { argument, .. } => make_error("ArgumentError", &message, JsValue::from_str(&argument), None),
        Error::UnknownEndpoint { id, suggestion } => {
            make_error("UnknownEndpointError", &message, JsValue::from_str(&id), suggestion.map(String::from))
        }
    }
}

// Values cross the boundary as JSON text: `JSON.stringify` / `JSON.parse` on the JS side,
// serde_json here. Measured side by side against serde-wasm-bindgen objects (README, "Boundary"):
// as fast or faster for every entry point, stricter (a lone surrogate is refused, not replaced),
// and smaller.

/// Plain objects; absent optional fields are left out. The core hands over only JS-safe
/// numbers, so a failure here is a bug; it is thrown as an Error all the same.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let bug = || JsValue::from(js_sys::Error::new("ordercraft: a result could not be represented in JS"));
    let text = serde_json::to_string(value).map_err(|_| bug())?;
    js_sys::JSON::parse(&text).map_err(|_| bug())
}

/// A JS value as JSON data. The message names the argument only: the value may hold a secret.
fn from_js(value: JsValue, argument: &str) -> Result<Value, JsValue> {
    // Options left out are the common case: JSON.stringify would only say `null`.
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    read_js(value, argument).map_err(js_error)
}

/// A JS value as JSON text, for the entry points that send it as given (numbers keep their digits).
fn text_from_js(value: JsValue, argument: &str) -> Result<String, JsValue> {
    json_text(value, argument).map_err(js_error)
}

fn read_js(value: JsValue, argument: &str) -> Result<Value, Error> {
    read_stringified(&value, json_stringify(&value), argument).map(|(read, _)| read)
}

/// `value` read from `string`, what `json_stringify` returned for it; the JS string comes back too
/// (`None` for `undefined` and the like), for a caller that keeps it.
fn read_stringified(
    value: &JsValue,
    string: JsValue,
    argument: &str,
) -> Result<(Value, Option<js_sys::JsString>), Error> {
    let (text, string) = text_as_given(value, string, argument)?;
    let read = crate::doc::read_value(&text).map_err(|_| crate::doc::unreadable(argument))?;
    Ok((read, string))
}

/// A JS value as JSON text (`JSON.stringify`); `undefined` (and a bare function or symbol) is `null`.
fn json_text(value: JsValue, argument: &str) -> Result<String, Error> {
    text_as_given(&value, json_stringify(&value), argument).map(|(text, _)| text)
}

/// `string`, what `json_stringify` returned for `value`, as UTF-8 and as the JS string itself,
/// once `written_as_given` has found that it holds all `value` does.
fn text_as_given(
    value: &JsValue,
    string: JsValue,
    argument: &str,
) -> Result<(String, Option<js_sys::JsString>), Error> {
    let (text, string) = utf8_of_stringified(string, argument)?;
    written_as_given(value, argument)?;
    Ok((text, string))
}

/// `JSON.stringify(value)` as UTF-8, and the JS string itself (`None` for `undefined` and the like).
/// What it leaves out or changes is not looked for here: see `written_as_given`.
fn stringified(value: &JsValue, argument: &str) -> Result<(String, Option<js_sys::JsString>), Error> {
    utf8_of_stringified(json_stringify(value), argument)
}

/// `stringified` of what `json_stringify` returned.
fn utf8_of_stringified(string: JsValue, argument: &str) -> Result<(String, Option<js_sys::JsString>), Error> {
    let unreadable = || crate::doc::unreadable(argument);
    if string.is_null() {
        return Err(unreadable());
    }
    let Ok(string) = string.dyn_into::<js_sys::JsString>() else {
        return Ok(("null".to_string(), None));
    };
    Ok((utf8(&string).ok_or_else(unreadable)?, Some(string)))
}

/// An error naming each place where JSON.stringify's text of `value` does not hold what the value
/// does (NaN written as null, a function left out, a Map written as `{}`: js/unwritten.js): the
/// caller's value must not be lost or changed without a word.
fn written_as_given(value: &JsValue, argument: &str) -> Result<(), Error> {
    // The quick look answers a bool (the cheapest crossing); the walk with pointers runs only after it.
    let Some(found) = may_be_unwritten(value).then(|| unwritten(value)).flatten() else { return Ok(()) };
    let places = found.chunks_exact(2).map(|pair| (pair[0].as_str(), pair[1].as_str()));
    if argument == "order" {
        let mut issues = crate::issue::Issues::default();
        for (pointer, what) in places {
            // Named as the rules name a place: `remark`, or `sub_orders` item 1.
            let mut segments = pointer.rsplit('/');
            let name = match (segments.next().unwrap_or(pointer), segments.next()) {
                (last, Some(list)) if last.bytes().all(|b| b.is_ascii_digit()) => format!("`{list}` item {last}"),
                (last, _) => format!("`{last}`"),
            };
            issues.error_at(
                pointer.to_string(),
                crate::issue::Code::Type,
                format!("{name} {}", not_written(what, true)),
            );
        }
        return Err(Error::Validation(issues.into_vec()));
    }
    let (pointer, what) = places.into_iter().next().unwrap_or_default();
    Err(Error::argument(format!("{argument}{}", pointer.replace('/', ".")), not_written(what, false)))
}

/// What JSON.stringify does with a value it cannot carry, and what to pass instead (`in_order`:
/// the longer advice of an order's issue).
fn not_written(what: &str, in_order: bool) -> String {
    match (what, in_order) {
        ("number", true) => {
            "is NaN or Infinity, which JSON cannot carry: pass a finite number or leave the field out".into()
        }
        ("number", false) => "is NaN or Infinity; pass a finite number".into(),
        ("function" | "symbol", _) => {
            format!("is a {what}, which JSON leaves out without a word: pass its value, or leave the field out")
        }
        ("undefined", _) => "is undefined, which JSON writes in a list as null: leave the item out".into(),
        (tag, _) => {
            // "a Uint8Array": U is said "you".
            let article = if tag.starts_with(['A', 'E', 'I', 'O']) { "an" } else { "a" };
            format!("is {article} {tag}, which JSON does not write as it is: pass a plain object, list or text")
        }
    }
}

/// A JS string as UTF-8, encoded by `TextEncoder.encodeInto` straight into wasm memory (3
/// bytes per UTF-16 unit at most); `None` only if the encoder wrote something that is not UTF-8.
fn utf8(text: &js_sys::JsString) -> Option<String> {
    let mut bytes = vec![0; text.length() as usize * 3];
    let written = encode_into(text, &mut bytes);
    bytes.truncate(written);
    String::from_utf8(bytes).ok()
}

/// A prepared request as a plain object, built in one call. Its short texts go across as one
/// string (one decode instead of one each), cut in JS by their lengths in UTF-16 units; the body
/// and the string to sign each on their own (an ASCII body stays a one-byte JS string). Where the
/// body or the string to sign holds the order's JSON text whole (the order sent as given), only
/// the text around it crosses, and JS puts the caller's own `JSON.stringify` string in between:
/// the largest decode is then no decode at all.
fn request_to_js(request: &PreparedRequest, order: Option<(&str, &js_sys::JsString)>) -> Result<JsValue, JsValue> {
    let mut texts = Pieces::default();
    texts.push(request.method);
    texts.push(&request.url);
    for (name, value) in &request.headers.0 {
        texts.push(name);
        texts.push(value);
    }
    let mut spliced = 0;
    let order_text = order.map(|(text, _)| text);
    // The string to sign is looked at first: where it holds the order (TOP), the body is the
    // encoded form and cannot, so the body's search (a scan of all of it) is skipped. Not
    // splicing is never wrong, only slower: the text then crosses whole.
    let string_to_sign = request.signing.as_ref().map_or("", |s| s.string_to_sign.as_str());
    let signing = split_around(string_to_sign, order_text);
    let body = split_around(&request.body, order_text.filter(|_| signing.is_none()));
    if let Some((head, tail)) = body {
        texts.push(head);
        texts.push(tail);
        spliced |= 1;
    }
    if let Some((head, tail)) = signing {
        texts.push(head);
        texts.push(tail);
        spliced |= 2;
    }
    if let Some(signing) = &request.signing {
        texts.push(&signing.signature);
    }
    let warnings = issues_or_undefined(&request.warnings);
    let order = order.map_or(JsValue::UNDEFINED, |(_, string)| string.into());
    Ok(prepared_request(
        &texts.all,
        &texts.lengths,
        request.headers.0.len(),
        spliced,
        order,
        if body.is_some() { "" } else { &request.body },
        request.signing.is_some(),
        if signing.is_some() { "" } else { string_to_sign },
        warnings,
    ))
}

/// `text` before and after the one place it holds `order` whole (found from `order`'s first byte).
fn split_around<'t>(text: &'t str, order: Option<&str>) -> Option<(&'t str, &'t str)> {
    let order = order?;
    let first = order.chars().next()?;
    let holds_order =
        |at: usize| text.as_bytes().get(at..at + order.len()).is_some_and(|t| same_bytes(t, order.as_bytes()));
    let (at, _) = text.match_indices(first).find(|(at, _)| holds_order(*at))?;
    Some((text.get(..at)?, text.get(at + order.len()..)?))
}

/// A text compared through `same_bytes`: messages of a hundred bytes and more are compared whole
/// whenever they repeat.
struct Text<'t>(&'t str);

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        same_bytes(self.0.as_bytes(), other.0.as_bytes())
    }
}

/// Texts that cross into JS as one string (one decode), and their lengths in UTF-16 units, by
/// which JS cuts them apart again (`pieces` in js/boundary.js). A length from `SAME` up stands
/// for a text already sent: the same as piece number `length - SAME`.
#[derive(Default)]
struct Pieces {
    all: String,
    lengths: Vec<u32>,
}

const SAME: u32 = 1 << 31;

/// How many texts `push_once` remembers: more than there are codes and severities, and enough for
/// the warnings an order's list items repeat.
const REMEMBERED: usize = 16;

impl Pieces {
    fn push(&mut self, text: &str) {
        self.all.push_str(text);
        self.lengths.push(utf16_length(text));
    }

    /// The text for `key`, or, when `seen` has that key (a text sent before), the number of the
    /// piece that carried it: a warning repeated on every item of a list crosses once, and JS
    /// hands out the very same string again. The text is made only when it is sent.
    fn push_once<K: PartialEq, T: AsRef<str>>(&mut self, seen: &mut Vec<(K, u32)>, key: K, text: impl FnOnce() -> T) {
        if let Some((_, piece)) = seen.iter().find(|(k, _)| *k == key) {
            self.lengths.push(SAME | piece);
            return;
        }
        if seen.len() == REMEMBERED {
            seen.remove(0);
        }
        seen.push((key, self.lengths.len() as u32));
        self.push(text().as_ref());
    }
}

/// Issues as an array of plain objects `{ path, code, severity, message }`, built in one call
/// (no JSON text to escape and parse).
fn issues_to_js(issues: &[Issue]) -> JsValue {
    let texts = issue_texts(issues);
    issue_list(&texts.all, &texts.lengths)
}

/// `issues_to_js`, or `undefined` where there are none: JS then leaves the field out (a request's
/// `warnings`) or makes the empty list itself (`validate`), so nothing crosses for a clean order.
fn issues_or_undefined(issues: &[Issue]) -> JsValue {
    if issues.is_empty() {
        JsValue::UNDEFINED
    } else {
        issues_to_js(issues)
    }
}

/// The texts of issues, four per issue; codes, severities and messages each sent once.
fn issue_texts(issues: &[Issue]) -> Pieces {
    let mut texts = Pieces::default();
    let (mut codes, mut severities, mut messages) = (Vec::new(), Vec::new(), Vec::new());
    for issue in issues {
        texts.push(&issue.path);
        texts.push_once(&mut codes, issue.code, || serde_name(&issue.code));
        texts.push_once(&mut severities, issue.severity, || serde_name(&issue.severity));
        texts.push_once(&mut messages, Text(&issue.message), || issue.message.as_str());
    }
    texts
}

/// The name serde gives a unit variant (`"unknown_field"`): the one table of names stays serde's.
fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        _ => String::new(),
    }
}

/// `{ simplify? }` of the parse functions, read; absent is all defaults.
fn parse_options_from_js(opts: Option<JsValue>) -> Result<crate::response::ParseOptions, JsValue> {
    let opts = from_js(opts.unwrap_or(JsValue::UNDEFINED), "opts")?;
    crate::response::ParseOptions::read(&opts).map_err(js_error)
}

/// TOP parameters as JSON text, each `Date` value as TOP's `yyyy-MM-dd HH:mm:ss` in GMT+8 (JSON
/// would make it ISO text in UTC, which the gateway does not read as the caller meant).
fn top_parameters_from_js(params: JsValue) -> Result<String, JsValue> {
    // Found in one JS call; a getter that throws is left to JSON.stringify, which reports it.
    let (Ok(keys), Some(object)) = (date_keys(&params), params.dyn_ref::<js_sys::Object>()) else {
        return text_from_js(params, "params");
    };
    // A shallow copy with each Date replaced, made only when there is one.
    let mut copy: Option<js_sys::Object> = None;
    for key in keys.iter().filter_map(|k| k.as_string()) {
        let value = js_sys::Reflect::get(&params, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        let Some(date) = value.dyn_ref::<js_sys::Date>() else { continue };
        let text = top::gateway::gmt8_timestamp(date.get_time()).ok_or_else(|| {
            js_error(Error::argument(format!("params.{key}"), "is an invalid Date or outside the years 1000 to 9999"))
        })?;
        let target = copy.get_or_insert_with(|| js_sys::Object::assign(&js_sys::Object::new(), object));
        js_sys::Reflect::set(target, &JsValue::from_str(&key), &JsValue::from_str(&text))?;
    }
    text_from_js(copy.map_or(params, JsValue::from), "params")
}

/// Options as JSON data, with a `Date` in `timestamp` turned into epoch milliseconds first.
fn options_from_js(opts: JsValue) -> Result<Rc<Value>, JsValue> {
    // A getter that throws is left to JSON.stringify, which reports the options as unreadable.
    let Some(ms) = timestamp_date(&opts).ok().flatten() else { return options_read(opts).map_err(js_error) };
    // A Date goes into options read afresh and not kept: the next options with the same text (the
    // Date's ISO string) are read as that text says.
    let mut value = from_js(opts, "opts")?;
    if ms.is_nan() {
        return Err(js_error(Error::argument("opts.timestamp", "is an invalid Date")));
    }
    if let Value::Object(map) = &mut value {
        map.insert("timestamp".into(), Value::from(ms));
    }
    Ok(Rc::new(value))
}

thread_local! {
    /// The options read last, by their JSON text: a caller passes the same options call after
    /// call (a client, a batch), and reading them afresh each time cost 4–8% of a small order's
    /// `prepare` (side by side, every endpoint). Their secrets stay in memory here until other
    /// options replace them (the caller's own options object usually holds them as long).
    static LAST_OPTIONS: std::cell::RefCell<Option<(JsValue, Rc<Value>)>> = const { std::cell::RefCell::new(None) };
}

/// `from_js` of options: the same JSON text as last time gives the same data, so only what JSON
/// text cannot show (NaN and null are both `null`) is looked at again.
fn options_read(opts: JsValue) -> Result<Rc<Value>, Error> {
    if opts.is_undefined() || opts.is_null() {
        return Ok(Rc::new(Value::Null));
    }
    let string = json_stringify(&opts);
    // No JS runs while the cell is borrowed (`==` on strings is the engine's own comparison).
    let last = LAST_OPTIONS
        .with(|last| last.borrow().as_ref().filter(|(text, _)| *text == string).map(|(_, value)| Rc::clone(value)));
    if let Some(value) = last {
        written_as_given(&opts, "opts")?;
        return Ok(value);
    }
    let (value, string) = read_stringified(&opts, string, "opts")?;
    let value = Rc::new(value);
    if let Some(string) = string {
        LAST_OPTIONS.with(|last| *last.borrow_mut() = Some((string.into(), Rc::clone(&value))));
    }
    Ok(value)
}

/// Signs and builds a request for any TOP method: `{ method: 'POST', url, headers, body,
/// warnings? }`; `warnings` names each parameter left out for being empty or only whitespace.
#[wasm_bindgen(js_name = prepareTop, unchecked_return_type = "PreparedRequest")]
pub fn prepare_top(
    method: &str,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TopOptions")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let params = top_parameters_from_js(params)?;
    let opts = options_from_js(opts)?;
    top::prepare_top_json(method, &params, &opts, js_sys::Date::now())
        .map_err(js_error)
        .and_then(|r| request_to_js(&r, None))
}

/// TOP's signature of these parameters, upper-case hex.
#[wasm_bindgen(js_name = topSign)]
pub fn top_sign(
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] params: JsValue,
    secret: &str,
    sign_method: Option<String>,
) -> Result<String, JsValue> {
    let params = text_from_js(params, "params")?;
    top::top_sign_json(&params, secret, sign_method.as_deref()).map_err(js_error)
}

/// The text TOP signs for these parameters (the secret is not part of it), for debugging mismatches.
#[wasm_bindgen(js_name = topStringToSign)]
pub fn top_string_to_sign(
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] params: JsValue,
) -> Result<String, JsValue> {
    let params = text_from_js(params, "params")?;
    top::top_string_to_sign_json(&params).map_err(js_error)
}

/// Reads a TOP response body: `{ ok: true, data, requestId }` or `{ ok: false, error }`. Never throws.
#[wasm_bindgen(js_name = parseTopResponse, unchecked_return_type = "Parsed<Record<string, unknown>>")]
pub fn parse_top_response(method: &str, body: &str, opts: Option<JsValue>) -> Result<JsValue, JsValue> {
    let opts = parse_options_from_js(opts)?;
    to_js(&top::parse_top_response(method, body, &opts))
}

/// Every endpoint this package prepares: `{ id, provider, title, titleZh, orderType, operation }`.
#[wasm_bindgen(unchecked_return_type = "EndpointInfo[]")]
pub fn endpoints() -> Result<JsValue, JsValue> {
    to_js(&api::endpoints())
}

/// Checks an order against every rule of the endpoint: `{ ok, issues }`. `opts` may say
/// `unknownFields` ("refuse", the default, "send" or "drop"). Throws only for an unknown id or a
/// bad `opts`.
#[wasm_bindgen(unchecked_return_type = "Validation")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "EndpointId")] id: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] order: JsValue,
    opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let opts = from_js(opts.unwrap_or(JsValue::UNDEFINED), "opts")?;
    // Values JSON cannot carry are issues of the order like any other: returned, not thrown.
    let as_given = || written_as_given(&order, "order");
    let validation = match stringified(&order, "order")
        .and_then(|(text, _)| api::validate_json(id, &text, &opts, api::Source::Stringified { as_given: &as_given }))
    {
        Err(Error::Validation(issues)) => Ok(api::Validation { ok: false, issues }),
        other => other,
    };
    let api::Validation { ok, issues } = validation.map_err(js_error)?;
    Ok(self::validation(ok, issues_or_undefined(&issues)))
}

/// Validates, builds and signs: `{ method, url, headers, body, warnings? }`; throws
/// `OrderValidationError` with every issue when any is an error.
#[wasm_bindgen(unchecked_return_type = "PreparedRequest")]
pub fn prepare(
    #[wasm_bindgen(unchecked_param_type = "EndpointId")] id: &str,
    #[wasm_bindgen(unchecked_param_type = "Order")] order: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PrepareOptions")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let (text, string) = stringified(&order, "order").map_err(js_error)?;
    let opts = options_from_js(opts)?;
    let env = Env { now_ms: js_sys::Date::now(), entropy: &entropy };
    let as_given = || written_as_given(&order, "order");
    let request = api::prepare_json(id, &text, &opts, &env, api::Source::Stringified { as_given: &as_given })
        .map_err(js_error)?;
    request_to_js(&request, string.as_ref().map(|string| (text.as_str(), string)))
}

/// Reads the endpoint's response body: `{ ok: true, data, requestId? }` or `{ ok: false, error }`.
/// Throws only for an unknown id.
#[wasm_bindgen(js_name = parseResponse, unchecked_return_type = "Parsed<any>")]
pub fn parse_response(
    #[wasm_bindgen(unchecked_param_type = "EndpointId")] id: &str,
    body: &str,
    opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let opts = from_js(opts.unwrap_or(JsValue::UNDEFINED), "opts")?;
    api::parse_response(id, body, &opts).map_err(js_error).and_then(|p| to_js(&p))
}

/// The order's fields as data (name, presence, kind, format, values, the doc's description,
/// nested structures): what the order builder generates its form from.
#[wasm_bindgen(unchecked_return_type = "StructureInfo")]
pub fn schema(#[wasm_bindgen(unchecked_param_type = "EndpointId")] id: &str) -> Result<JsValue, JsValue> {
    api::schema(id).map_err(js_error).and_then(|s| to_js(&s))
}

/// An error issue at each place where `JSON.parse` would not give what JSON text says, without a
/// word: a name given again in one object (`duplicate`: it keeps the last value) and a number a
/// JavaScript number cannot hold as written (`precision`: it rounds it). Throws `ArgumentError`
/// for text that is not JSON ordercraft can read.
#[wasm_bindgen(js_name = jsonParseLosses, unchecked_return_type = "Issue[]")]
pub fn json_parse_losses(text: &str) -> Result<JsValue, JsValue> {
    api::json_parse_losses(text, &|number| Some(number_text(number)))
        .map(|issues| issues_to_js(&issues))
        .map_err(js_error)
}

/// A complete, valid example order for the endpoint.
#[wasm_bindgen(unchecked_return_type = "Order")]
pub fn example(#[wasm_bindgen(unchecked_param_type = "EndpointId")] id: &str) -> Result<JsValue, JsValue> {
    api::example(id).map_err(js_error).and_then(|v| to_js(&v))
}

thread_local! {
    /// Random bytes drawn 1 KiB at a time (a call to Web Crypto costs about as much as signing a
    /// small order), handed out 16 at a time and never twice; the read position is the second field.
    static RANDOM_POOL: std::cell::RefCell<([u8; 1024], usize)> = const { std::cell::RefCell::new(([0; 1024], 1024)) };
}

/// 16 bytes from Web Crypto (`globalThis.crypto`, in browsers and in Node 20 alike), through the
/// pool; `None` where there is none.
fn entropy() -> Option<[u8; 16]> {
    RANDOM_POOL.with(|pool| {
        let (bytes, at) = &mut *pool.borrow_mut();
        if *at + 16 > bytes.len() {
            web_crypto()?.get_random_values_with_u8_array(bytes).ok()?;
            *at = 0;
        }
        let mut drawn = [0u8; 16];
        drawn.copy_from_slice(bytes.get(*at..*at + 16)?);
        *at += 16;
        Some(drawn)
    })
}

/// Signs and builds a request for any PandaPon endpoint: JSON body, five signed headers.
#[wasm_bindgen(js_name = preparePandapon, unchecked_return_type = "PreparedRequest")]
pub fn prepare_pandapon(
    path: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] body: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PandaponOptions")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let body = text_from_js(body, "body")?;
    let opts = options_from_js(opts)?;
    pandapon::prepare_pandapon_json(path, &body, &opts, js_sys::Date::now(), &entropy)
        .map_err(js_error)
        .and_then(|r| request_to_js(&r, None))
}

/// The text PandaPon signs for these options (`accessKey + timestamp + nonce + secret`), the
/// secret shown as `********`. Pass the `timestamp` and `nonce` of the request you are debugging.
#[wasm_bindgen(js_name = pandaponStringToSign)]
pub fn pandapon_string_to_sign(
    #[wasm_bindgen(unchecked_param_type = "PandaponOptions")] opts: JsValue,
) -> Result<String, JsValue> {
    let opts = options_from_js(opts)?;
    pandapon::pandapon_string_to_sign(&opts, js_sys::Date::now(), &entropy).map_err(js_error)
}

/// Reads any PandaPon response: `code` 200 → `{ ok: true, data }`, else `{ ok: false, error }`.
#[wasm_bindgen(js_name = parsePandaponResponse, unchecked_return_type = "Parsed<unknown>")]
pub fn parse_pandapon_response(body: &str) -> Result<JsValue, JsValue> {
    to_js(&pandapon::parse(body))
}

/// Builds the SOAP 1.1 `callService` envelope for any service of the family.
#[wasm_bindgen(js_name = prepareEccang, unchecked_return_type = "PreparedRequest")]
pub fn prepare_eccang(
    service: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EccangOptions")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let params = text_from_js(params, "params")?;
    let opts = from_js(opts, "opts")?;
    eccang::prepare_eccang_json(service, &params, &opts).map_err(js_error).and_then(|r| request_to_js(&r, None))
}

/// Reads any ECCANG answer (SOAP or bare JSON): `ask: "Success"` → `{ ok: true, data }`.
#[wasm_bindgen(js_name = parseEccangResponse, unchecked_return_type = "Parsed<Record<string, unknown>>")]
pub fn parse_eccang_response(body: &str) -> Result<JsValue, JsValue> {
    to_js(&eccang::parse(body))
}
