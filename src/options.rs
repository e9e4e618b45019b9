//! Reading an `opts` object passed by the caller. Messages name the option and what was expected,
//! never the value: options carry secrets.

use serde_json::{Map, Value};

use crate::error::Error;
use crate::suggest::closest;

pub struct Options<'a> {
    map: Option<&'a Map<String, Value>>,
    /// `opts` or another prefix for messages.
    prefix: &'static str,
}

impl<'a> Options<'a> {
    /// `value` must be an object (or null/undefined for "no options"); every key must be one of `known`.
    pub fn read(value: &'a Value, prefix: &'static str, known: &[&'static str]) -> Result<Self, Error> {
        let map = match value {
            Value::Null => None,
            Value::Object(map) => Some(map),
            _ => return Err(Error::argument(prefix, "expected an object of options")),
        };
        for name in map.into_iter().flat_map(|m| m.keys()) {
            if !known.contains(&name.as_str()) {
                let hint = closest(name, known.iter().copied())
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_else(|| format!("; known options: {}", known.join(", ")));
                return Err(Error::argument(format!("{prefix}.{name}"), format!("unknown option{hint}")));
            }
        }
        Ok(Options { map, prefix })
    }

    pub fn get(&self, name: &str) -> Option<&'a Value> {
        self.map.and_then(|m| m.get(name)).filter(|v| !v.is_null())
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

    #[test]
    fn unknown_option_suggests_and_never_quotes_values() {
        let v = json!({ "appKey": "k", "appsecret": "TOPSECRET" });
        let err = Options::read(&v, "opts", &["appKey", "appSecret"]).err();
        let Some(Error::Argument { argument, message }) = err else { panic!("expected an argument error") };
        assert_eq!(argument, "opts.appsecret");
        assert!(message.contains("did you mean `appSecret`"));
        assert!(!message.contains("TOPSECRET"));
    }

    #[test]
    fn wrong_type_names_option_only() {
        let v = json!({ "appSecret": 12345 });
        let o = Options::read(&v, "opts", &["appSecret"]).ok();
        let err = o.map(|o| o.required_text("appSecret"));
        assert!(matches!(err, Some(Err(Error::Argument { ref argument, ref message }))
            if argument == "opts.appSecret" && !message.contains("12345")));
    }
}
