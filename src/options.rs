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
    fn wrong_type_names_option_only() {
        let v = json!({ "appSecret": 12345 });
        let o = Options::read(&v, "opts", &TEST_OPTIONS).ok();
        let err = o.map(|o| o.required_text("appSecret"));
        assert!(matches!(err, Some(Err(Error::Argument { ref argument, ref message }))
            if argument == "opts.appSecret" && !message.contains("12345")));
    }
}
