//! Validation issues: what is wrong, where (a JSON pointer into the caller's input) and how badly.

use serde::Serialize;

use crate::decimal::push_decimal;

/// A stable, machine-readable name for the rule an issue breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// A field the doc requires is missing (or null).
    Required,
    /// The value has the wrong JSON type (string where a number belongs, …).
    Type,
    /// The value is not one of the doc's enumerated values.
    Enum,
    /// The text does not have the required form (date, e-mail, code, …).
    Format,
    /// Too long, too short, or an empty list.
    Length,
    /// A number outside its allowed range.
    Range,
    /// Too many decimal places, or a number that JavaScript cannot hold exactly.
    Precision,
    /// Two fields disagree (a total against its parts, start after end, …).
    Mismatch,
    /// A value that must be unique appears twice.
    Duplicate,
    /// A field the doc does not define: an error unless `unknownFields` says to send or drop it.
    UnknownField,
    /// A field that must be absent in this request.
    Forbidden,
    /// A name the transport reserves for itself (a TOP system parameter, …).
    Reserved,
    /// The order was passed inside the transport's own parameter (`{ trade: order }`).
    Wrapped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem with the caller's input.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Issue {
    /// JSON pointer (RFC 6901) into the caller's input, e.g. `/sub_orders/0/sku_code`; `""` is the whole input.
    pub path: String,
    pub code: Code,
    pub severity: Severity,
    /// A sentence a person understands.
    pub message: String,
}

/// A location in the caller's input, built on the stack while walking and rendered only when an issue is raised.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub fn key(&'a self, name: &'a str) -> Path<'a> {
        Path::Key(self, name)
    }

    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    /// The RFC 6901 JSON pointer: `~` and `/` in names are escaped as `~0` and `~1`.
    pub fn pointer(&self) -> String {
        let mut out = String::with_capacity(32);
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, name) => {
                parent.write(out);
                push_segment(out, name);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                out.push('/');
                push_decimal(out, *i as u64, 1);
            }
        }
    }

    /// The last name on the path, for messages ("`pay_fee` must …").
    pub fn name(&self) -> String {
        match self {
            Path::Root => "the input".to_string(),
            Path::Key(_, name) => format!("`{name}`"),
            Path::Index(parent, i) => format!("{} item {i}", parent.name()),
        }
    }
}

/// Appends `/name` to a JSON pointer, escaping `~` and `/` as `~0` and `~1`.
pub fn push_segment(out: &mut String, name: &str) {
    out.push('/');
    if !name.bytes().any(|b| b == b'~' || b == b'/') {
        return out.push_str(name);
    }
    for c in name.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// Collects every issue of one validation run; validation never stops at the first.
#[derive(Debug, Default)]
pub struct Issues(Vec<Issue>);

impl Issues {
    pub fn error(&mut self, path: &Path, code: Code, message: impl Into<String>) {
        self.push(path, code, Severity::Error, message.into());
    }

    pub fn warning(&mut self, path: &Path, code: Code, message: impl Into<String>) {
        self.push(path, code, Severity::Warning, message.into());
    }

    fn push(&mut self, path: &Path, code: Code, severity: Severity, message: String) {
        self.0.push(Issue { path: path.pointer(), code, severity, message });
    }

    /// An error at a pointer built outside a [`Path`] walk.
    pub fn error_at(&mut self, pointer: String, code: Code, message: String) {
        self.0.push(Issue { path: pointer, code, severity: Severity::Error, message });
    }

    pub fn append(&mut self, mut other: Issues) {
        self.0.append(&mut other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|i| i.severity == Severity::Error)
    }

    pub fn into_vec(self) -> Vec<Issue> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let root = Path::Root;
        let a = root.key("sub_orders");
        let b = a.index(0);
        let c = b.key("a/b~c");
        assert_eq!(c.pointer(), "/sub_orders/0/a~1b~0c");
        assert_eq!(root.pointer(), "");
        let (d, e) = (root.index(1_070), root.index(usize::MAX));
        assert_eq!((d.key("x").pointer(), e.pointer()), ("/1070/x".to_string(), format!("/{}", usize::MAX)));
    }

    #[test]
    fn has_errors_ignores_warnings() {
        let mut issues = Issues::default();
        issues.warning(&Path::Root, Code::UnknownField, "w");
        assert!(!issues.has_errors());
        issues.error(&Path::Root, Code::Required, "e");
        assert!(issues.has_errors());
        assert_eq!(issues.into_vec().len(), 2);
    }
}
