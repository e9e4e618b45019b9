//! Reading an `opts` object passed by the caller. Messages name the option and what was expected,
//! never the value: options carry secrets.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::Error;
use crate::suggest::closest;
use crate::validate::text::comma_list;

/// One option a provider reads: declared once with [`options!`], which also writes its
/// TypeScript interface; the reader, `endpoints()` (for the builder and the client) and the
/// types all come from that declaration.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OptionSpec {
    pub name: &'static str,
    pub required: bool,
    /// `secret` (never shown, logged or stored), `credential` (the account's, entered once) or
    /// `setting` (per request: timestamps, nonces, gateways).
    #[cfg_attr(feature = "wasm", tsify(type = "\"secret\" | \"credential\" | \"setting\""))]
    pub role: &'static str,
    /// The allowed values of an enumerated option, the first being the default.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub values: &'static [&'static str],
    /// A short label for a form (the longer description is in the TypeScript declaration only,
    /// to keep the module small).
    pub label: &'static str,
}

/// Declares a provider's options, one line each:
///
/// ```text
/// options! {
///     /// Options of `prepareTop`.
///     TopOptions => TOP_OPTIONS {
///         req secret appSecret: "string", "App secret", "never in an error, a log or a preview";
///         opt credential signMethod: one_of("md5", "hmac"), "Sign method", "md5 when absent";
///     }
/// }
/// ```
///
/// emits `pub static TOP_OPTIONS: [OptionSpec; N]` and, with the `wasm` feature, `export
/// interface TopOptions`. A type is a TypeScript type as text, or `one_of(…)` for an enumeration.
macro_rules! options {
    (
        $(#[doc = $doc:literal])*
        $ts_name:ident => $table:ident {
            $( $presence:ident $role:ident $name:ident : $ts:tt $(( $($values:literal),+ ))?, $label:literal, $text:literal; )*
        }
    ) => {
        pub static $table: [$crate::options::OptionSpec; [$(stringify!($name)),*].len()] = [$(
            $crate::options::OptionSpec {
                name: stringify!($name),
                required: $crate::options::option_required!($presence),
                role: stringify!($role),
                values: &[$($($values),+)?],
                label: $label,
            },
        )*];

        #[cfg(feature = "wasm")]
        #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
        const _: &str = concat!(
            "\n/**", $(" ", $doc,)* " */\nexport interface ", stringify!($ts_name), " {\n",
            $(
                "    /** ", $label, ": ", $text, " */\n    ", stringify!($name),
                $crate::options::option_ts_optional!($presence), ": ",
                $crate::options::option_ts_type!($ts $(( $($values),+ ))?), ";\n",
            )*
            "}\n"
        );
    };
}

macro_rules! option_required {
    (req) => {
        true
    };
    (opt) => {
        false
    };
}

#[cfg_attr(not(feature = "wasm"), allow(unused_macros))]
macro_rules! option_ts_optional {
    (req) => {
        ""
    };
    (opt) => {
        "?"
    };
}

#[cfg_attr(not(feature = "wasm"), allow(unused_macros))]
macro_rules! option_ts_type {
    (one_of($first:literal $(, $rest:literal)*)) => { concat!("\"", $first, "\"" $(, " | \"", $rest, "\"")*) };
    ($ts:literal) => { $ts };
}

pub(crate) use {option_required, options};
#[cfg(feature = "wasm")]
pub(crate) use {option_ts_optional, option_ts_type};

pub struct Options<'a> {
    map: Option<&'a Map<String, Value>>,
    /// `opts` or another prefix for messages.
    prefix: &'static str,
}

impl<'a> Options<'a> {
    /// `value` must be an object (or null/undefined for "no options"); every key must be one of `known`.
    pub fn read(value: &'a Value, prefix: &'static str, known: &[OptionSpec]) -> Result<Self, Error> {
        let map = match value {
            Value::Null => None,
            Value::Object(map) => Some(map),
            _ => return Err(Error::argument(prefix, "expected an object of options")),
        };
        for name in map.into_iter().flat_map(|m| m.keys()) {
            if !known.iter().any(|o| o.name == name) {
                let names: Vec<&str> = known.iter().map(|o| o.name).collect();
                let hint = closest(name, &names)
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_else(|| format!("; known options: {}", comma_list(names.iter().copied())));
                return Err(Error::argument(format!("{prefix}.{name}"), format!("unknown option{hint}")));
            }
        }
        Ok(Options { map, prefix })
    }

    pub fn get(&self, name: &str) -> Option<&'a Value> {
        // A scan, not the map's hash lookup: an options object holds a handful of names (only
        // known ones get this far), and hashing each name read cost more than comparing.
        let found = self.map.and_then(|m| m.iter().find(|(key, _)| *key == name));
        found.map(|(_, value)| value).filter(|v| !v.is_null())
    }

    pub fn error(&self, name: &str, message: impl Into<String>) -> Error {
        Error::argument(format!("{}.{name}", self.prefix), message)
    }

    /// A string option; absent, null and `""` all read as `None`.
    pub fn text(&self, name: &str) -> Result<Option<&'a str>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(self.error(name, "expected a string")),
        }
    }

    pub fn required_text(&self, name: &str) -> Result<&'a str, Error> {
        self.text(name)?.ok_or_else(|| self.error(name, "is required (a non-empty string)"))
    }

    pub fn boolean(&self, name: &str) -> Result<Option<bool>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.error(name, "expected true or false")),
        }
    }
}

/// Text that goes into an HTTP header or a URL must be visible ASCII: a CR or LF would let it
/// start a header of its own.
pub fn check_header_value(options: &Options, name: &str, value: &str) -> Result<(), Error> {
    if value.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Ok(())
    } else {
        Err(options.error(name, "may hold only visible ASCII characters (no CR, LF or other control characters)"))
    }
}

/// A URL option the request is sent to (`gateway`, `baseUrl`, `endpoint`), refused unless fetch
/// requests it as written; else the request would go elsewhere than its `url` says, or fetch
/// would throw after the order was counted as sent. See `is_request_url`.
pub fn check_request_url(options: &Options, name: &str, url: &str) -> Result<(), Error> {
    if is_request_url(url) {
        Ok(())
    } else {
        Err(options.error(
            name,
            "expected an http:// or https:// URL that fetch requests as written: a host, visible ASCII only, \
             a port up to 65535, no user:password@, no `\\` and no `.` or `..` segment",
        ))
    }
}

/// `http://` or `https://` and what the URL Standard reads back unchanged (but for the case of
/// the host, and the `/` of an empty path): visible ASCII, a host of allowed characters (a dotted
/// IPv4 address written plainly, or an IPv6 one in brackets), a port up to 65535, no credentials
/// (which fetch refuses), no `\` (read as `/`) and no dot segment (resolved away).
fn is_request_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else {
        return false;
    };
    if !url.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') {
        return false;
    }
    let authority_end = rest.bytes().position(|b| b"/?#".contains(&b)).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let path = &tail[..tail.bytes().position(|b| b"?#".contains(&b)).unwrap_or(tail.len())];
    let (host, port) = match authority.rfind(':') {
        Some(at) if !authority[at..].contains(']') => (&authority[..at], &authority[at + 1..]),
        _ => (authority, ""),
    };
    let port_ok = port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) && decimal(port) <= 65535;
    port_ok && is_host(host) && !path.split('/').any(is_dot_segment)
}

/// `.` or `..`, either dot perhaps written `%2e`: a segment the URL reader (fetch's included)
/// resolves away, so the request would go to another path than the one written.
pub fn is_dot_segment(segment: &str) -> bool {
    let dot = |part: &str| part == "." || part.eq_ignore_ascii_case("%2e");
    let two_dots = |at| segment.split_at_checked(at).is_some_and(|(first, second)| dot(first) && dot(second));
    dot(segment) || two_dots(1) || two_dots(3)
}

/// The value of a short run of ASCII digits (0 for none).
fn decimal(digits: &str) -> u32 {
    digits.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// A host the URL Standard keeps as written: a name of allowed characters; where its last label is
/// a number, a plain dotted IPv4 address (other numbers are read as one, and rewritten); an IPv6
/// address in brackets.
fn is_host(host: &str) -> bool {
    if let Some(ip) = host.strip_prefix('[') {
        // Hex and colons only: an IPv4 tail (`::ffff:1.2.3.4`) is rewritten in hex.
        return ip
            .strip_suffix(']')
            .is_some_and(|ip| ip.contains(':') && ip.bytes().all(|b| b.is_ascii_hexdigit() || b == b':'));
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    let numeric =
        |label: &str| label.bytes().all(|b| b.is_ascii_digit()) || label.starts_with("0x") || label.starts_with("0X");
    let plain_octet = |label: &str| {
        (1..=3).contains(&label.len())
            && label.bytes().all(|b| b.is_ascii_digit())
            && (label == "0" || !label.starts_with('0'))
            && decimal(label) <= 255
    };
    // An address is kept as written only without a final dot (`1.2.3.4.` reads as `1.2.3.4`).
    let address = || name.len() == host.len() && name.split('.').count() == 4 && name.split('.').all(plain_octet);
    !host.is_empty()
        && host.bytes().all(|b| !b"#/:<>?@[]^|%".contains(&b))
        && (!numeric(name.rsplit('.').next().unwrap_or(name)) || address())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    options! {
        /// Two options to read.
        TestOptions => TEST_OPTIONS {
            req credential appKey: "string", "App key", "the key";
            req secret appSecret: "string", "App secret", "the secret";
        }
    }

    #[test]
    fn the_table_keeps_the_declaration() {
        let names: Vec<(&str, bool, &str)> = TEST_OPTIONS.iter().map(|o| (o.name, o.required, o.role)).collect();
        assert_eq!(names, [("appKey", true, "credential"), ("appSecret", true, "secret")]);
    }

    #[test]
    fn unknown_option_suggests_and_never_quotes_values() {
        let v = json!({ "appKey": "k", "appsecret": "TOPSECRET" });
        let err = Options::read(&v, "opts", &TEST_OPTIONS).err();
        let Some(Error::Argument { argument, message }) = err else { panic!("expected an argument error") };
        assert_eq!(argument, "opts.appsecret");
        assert!(message.contains("did you mean `appSecret`"));
        assert!(!message.contains("TOPSECRET"));
    }

    #[test]
    fn request_urls_are_those_fetch_requests_as_written() {
        for ok in [
            "https://gw.api.taobao.com/router/rest",
            "http://127.0.0.1:8787/top",
            "https://[::1]:443/",
            "https://x?a=1",
        ] {
            assert!(is_request_url(ok), "{ok}");
        }
        for bad in [
            "ftp://x/",
            "https://",
            "https://x:99999/",
            "https://x:8a/",
            "https://user:pw@x/",
            "https://x/a b",
            "https://x\\y",
            "https://x/a/../b",
            "https://x/%2E/b",
            "http://[::1/",
            "http://1.2.3.999/",
            "http://010.0.0.1/",
            "http://1/",
            "http://1.2.3.4./",
            "http://[::ffff:1.2.3.4]/",
            "https://x^y/",
            "https://网关.cn/",
        ] {
            assert!(!is_request_url(bad), "{bad}");
        }
    }

    #[test]
    fn wrong_type_names_option_only() {
        let v = json!({ "appSecret": 12345 });
        let o = Options::read(&v, "opts", &TEST_OPTIONS).ok();
        let err = o.map(|o| o.required_text("appSecret"));
        assert!(matches!(err, Some(Err(Error::Argument { ref argument, ref message }))
            if argument == "opts.appSecret" && !message.contains("12345")));
    }
}
