//! Checks a caller's JSON against a schema table, collecting every issue: the walk over the
//! tables. `text` holds the text checks providers share; `sendable` writes the JSON that is sent.

pub mod sendable;
pub mod text;

use serde_json::Number;

use crate::doc::Node;

use crate::issue::{Code, Issues, Path};
use crate::schema::{is_safe_integer, Format, Kind, NumberRule, Presence, Schema, MAX_SAFE_INTEGER};
use crate::suggest::closest;
use crate::time::{parse_date, DateTime};
use text::{
    comma_list, decimal_places, decimal_value, is_decimal_text, is_email, is_http_url, is_upper_letters, number_text,
};

/// What becomes of a field the doc does not define (`opts.unknownFields`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnknownFields {
    /// An error: a misspelt field would otherwise be lost without a word (the default).
    #[default]
    Refuse,
    /// Sent as given, with a warning: for fields newer than the doc.
    Send,
    /// Left out, with a warning.
    Drop,
}

impl UnknownFields {
    pub const EXPECTED: &'static str = "expected \"refuse\" (default), \"send\" or \"drop\"";

    /// The option's value; `None` for a name it does not know.
    pub fn from_option(name: Option<&str>) -> Option<UnknownFields> {
        match name.unwrap_or("refuse") {
            "refuse" => Some(UnknownFields::Refuse),
            "send" => Some(UnknownFields::Send),
            "drop" => Some(UnknownFields::Drop),
            _ => None,
        }
    }
}

/// Checks an object and everything below it. Returns whether it is sent exactly as given: no
/// member null, none unknown (unless unknown fields are sent), and the same for all below.
pub fn check_object(value: &Node, schema: &Schema, path: &Path, unknown: UnknownFields, issues: &mut Issues) -> bool {
    let Node::Object(members) = value else {
        issues.error(path, Code::Type, format!("{} must be an object ({})", path.name(), schema.name));
        return false;
    };
    let mut as_given = true;
    // One pass over the members finds each field's value (the first, should a name repeat) and
    // whether any member is not a field; tables longer than the slots look fields up by name.
    const EMPTY: u16 = u16::MAX;
    let mut slots = [EMPTY; 64];
    let indexed = schema.fields.len() <= slots.len() && members.len() < usize::from(EMPTY);
    let mut any_unknown = false;
    for (m, (name, v)) in members.iter().enumerate() {
        as_given &= !v.is_null();
        match schema.field_index(name) {
            Some(f) if indexed && slots[f] == EMPTY => slots[f] = m as u16,
            Some(_) => {}
            None => any_unknown = true,
        }
    }
    for (f, field) in schema.fields.iter().enumerate() {
        let given = if indexed { members.get(usize::from(slots[f])).map(|(_, v)| v) } else { value.get(field.name) };
        let here = path.key(field.name);
        match (given.filter(|v| !v.is_null()), field.presence) {
            // Raised for every item of a list that leaves the field out: joined, not formatted.
            (None, Presence::Required) => {
                issues.error(&here, Code::Required, ["`", field.name, "` is required (", field.doc, ")"].concat())
            }
            (None, Presence::Recommended) => issues.warning(
                &here,
                Code::Required,
                [
                    "`",
                    field.name,
                    "` is marked required by the doc but its own example omits it; send it if you have it (",
                    field.doc,
                    ")",
                ]
                .concat(),
            ),
            (None, _) => {}
            (Some(_), Presence::Forbidden) => issues.error(
                &here,
                Code::Forbidden,
                format!("`{}` must be absent in this request ({})", field.name, field.doc),
            ),
            // Blank text says nothing: the gateway would see a required field without a value.
            (Some(Node::String(text)), Presence::Required)
                if text.trim().is_empty() && matches!(field.kind, Kind::Text(_)) =>
            {
                issues.error(
                    &here,
                    Code::Required,
                    format!("`{}` is required and may not be blank ({})", field.name, field.doc),
                )
            }
            (Some(v), _) => as_given &= check_kind(v, &field.kind, &here, unknown, issues),
        }
    }
    if !any_unknown {
        return as_given;
    }
    let names: Vec<&str> = schema.fields.iter().map(|f| f.name).collect();
    for name in members.iter().map(|(name, _)| name).filter(|k| schema.field_index(k).is_none()) {
        let hint = closest(name, &names).map(|c| format!("; did you mean `{c}`?")).unwrap_or_default();
        let here = path.key(name);
        let unknown_field = format!("`{name}` is not a field of {}", schema.name);
        match unknown {
            UnknownFields::Refuse => issues.error(
                &here,
                Code::UnknownField,
                format!("{unknown_field}{hint} (to send fields newer than the doc, pass unknownFields: \"send\")"),
            ),
            UnknownFields::Send => {
                issues.warning(&here, Code::UnknownField, format!("{unknown_field}; sent as given{hint}"))
            }
            UnknownFields::Drop => {
                issues.warning(&here, Code::UnknownField, format!("{unknown_field}; left out{hint}"))
            }
        }
    }
    as_given && unknown == UnknownFields::Send
}

/// Checks one value; returns whether it is sent as given (see `check_object`).
fn check_kind(value: &Node, kind: &Kind, path: &Path, unknown: UnknownFields, issues: &mut Issues) -> bool {
    match kind {
        Kind::Object(schema) => return check_object(value, schema, path, unknown, issues),
        Kind::List { item, min_items } => {
            let Node::Array(items) = value else {
                issues.error(path, Code::Type, format!("{} must be a list of {}", path.name(), item.name));
                return false;
            };
            if items.len() < *min_items {
                issues.error(path, Code::Length, format!("{} must have at least {min_items} item(s)", path.name()));
            }
            let mut as_given = true;
            for (i, v) in items.iter().enumerate() {
                as_given &= check_object(v, item, &path.index(i), unknown, issues);
            }
            return as_given;
        }
        Kind::Text(format) => match value {
            Node::String(text) => check_format(text, format, path, issues),
            _ => issues.error(path, Code::Type, format!("{} must be a string{}", path.name(), number_hint(value))),
        },
        Kind::Integer { min, max } => match exact_integer(value, path, issues) {
            Some(n) if n < *min || n > *max => {
                issues.error(path, Code::Range, format!("{} must be between {min} and {max}", path.name()))
            }
            _ => {}
        },
        Kind::IntegerOneOf { values, text_ok } => {
            let n = match value {
                Node::String(s) if *text_ok => s.parse::<i64>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit())),
                _ => match exact_integer(value, path, issues) {
                    Some(n) => Some(n),
                    None => return true,
                },
            };
            if n.is_none_or(|n| !values.contains(&n)) {
                let list: Vec<String> = values.iter().map(i64::to_string).collect();
                issues.error(
                    path,
                    Code::Enum,
                    format!(
                        "{} must be one of {} (got {value})",
                        path.name(),
                        comma_list(list.iter().map(String::as_str))
                    ),
                );
            }
        }
        Kind::Number(rule) => check_number(value, rule, path, issues),
        Kind::Id => check_id(value, path, issues),
        Kind::Boolean => {
            if !matches!(value, Node::Bool(_)) {
                issues.error(path, Code::Type, format!("{} must be true or false", path.name()))
            }
        }
        Kind::Any => {}
    }
    true
}

fn number_hint(value: &Node) -> &'static str {
    if matches!(value, Node::Number(_)) {
        " (write the number in quotes)"
    } else {
        ""
    }
}

fn check_format(text: &str, format: &Format, path: &Path, issues: &mut Issues) {
    // The field's name goes into a message only when there is one (most fields have none).
    let name = || path.name();
    // Forms the documents state are errors; forms they do not (an e-mail's shape, a URL's, a
    // code's letter case) are warnings: the provider may well accept what we would refuse.
    let mut stated = true;
    let problem = match format {
        Format::Any => None,
        Format::MaxChars(n) => (text.chars().count() > *n).then(|| {
            (Code::Length, format!("{} must be at most {n} characters (has {})", name(), text.chars().count()))
        }),
        Format::OneOf(allowed) => (!allowed.contains(&text)).then(|| {
            (Code::Enum, format!("{} must be one of {} (got {text:?})", name(), comma_list(allowed.iter().copied())))
        }),
        Format::DateTime => DateTime::parse(text).is_none().then(|| {
            (
                Code::Format,
                format!("{} must be a real date and time written yyyy-MM-dd HH:mm:ss (got {text:?})", name()),
            )
        }),
        Format::Date => parse_date(text)
            .is_none()
            .then(|| (Code::Format, format!("{} must be a real date written yyyy-MM-dd (got {text:?})", name()))),
        Format::Email => (!is_email(text)).then(|| {
            stated = false;
            (Code::Format, format!("{} must be an e-mail address such as name@example.com (got {text:?})", name()))
        }),
        Format::Url => (!is_http_url(text)).then(|| {
            stated = false;
            (Code::Format, format!("{} must be an absolute http(s) URL (got {text:?})", name()))
        }),
        Format::CountryAlpha2 => (!is_upper_letters(text, 2)).then(|| {
            stated = !is_upper_letters(&text.to_ascii_uppercase(), 2);
            (Code::Format, format!("{} must be an ISO 3166-1 alpha-2 country code such as US (got {text:?})", name()))
        }),
        Format::Currency => (!is_upper_letters(text, 3)).then(|| {
            stated = !is_upper_letters(&text.to_ascii_uppercase(), 3);
            (Code::Format, format!("{} must be an ISO 4217 currency code such as USD (got {text:?})", name()))
        }),
        Format::JsonText => crate::doc::parse(text, &mut Issues::default())
            .is_err()
            .then(|| (Code::Format, format!("{} must hold valid JSON text, e.g. {{\"key\":\"value\"}}", name()))),
        Format::Decimal => (!is_decimal_text(text, false)).then(|| {
            (
                Code::Format,
                format!(
                    "{} must be a non-negative decimal number as text, e.g. \"1000\" or \"12.50\" (got {text:?})",
                    name()
                ),
            )
        }),
        Format::Custom(check) => (!(check.check)(text)).then(|| {
            stated = check.stated;
            (Code::Format, format!("{} must be {} (got {text:?})", name(), check.expected))
        }),
    };
    match problem {
        Some((code, message)) if stated => issues.error(path, code, message),
        Some((code, message)) => {
            issues.warning(path, code, format!("{message}; the doc does not say, so it is sent as given"))
        }
        None => {}
    }
}

/// A JSON integer that JS holds exactly; raises the issue and returns `None` otherwise.
fn exact_integer(value: &Node, path: &Path, issues: &mut Issues) -> Option<i64> {
    let Node::Number(n) = value else {
        issues.error(path, Code::Type, format!("{} must be a whole number{}", path.name(), text_hint(value)));
        return None;
    };
    let n = n.value();
    match integer_of(n) {
        Some(i) if is_safe_integer(i) => Some(i),
        Some(_) => {
            issues.error(
                path,
                Code::Precision,
                format!("{} is past 2^53, where a JS number loses digits", path.name()),
            );
            None
        }
        None if is_unsafe_whole(n) => {
            issues.error(
                path,
                Code::Precision,
                format!("{} is past 2^53, where a JS number loses digits", path.name()),
            );
            None
        }
        None => {
            issues.error(path, Code::Type, format!("{} must be a whole number (got {n})", path.name()));
            None
        }
    }
}

fn text_hint(value: &Node) -> &'static str {
    if matches!(value, Node::String(_)) {
        " (a JSON number, not text)"
    } else {
        ""
    }
}

fn integer_of(n: &Number) -> Option<i64> {
    n.as_i64()
        .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() <= MAX_SAFE_INTEGER as f64).map(|f| f as i64))
}

/// A whole number too large for a JS number to hold exactly (it arrived as a float or a u64).
fn is_unsafe_whole(n: &Number) -> bool {
    n.as_u64().is_some()
        || n.as_f64().is_some_and(|f| f.is_finite() && f.fract() == 0.0 && f.abs() > MAX_SAFE_INTEGER as f64)
}

fn check_id(value: &Node, path: &Path, issues: &mut Issues) {
    match value {
        Node::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0') => {}
        Node::String(s) => issues.error(
            path,
            Code::Format,
            format!("{} must be a positive whole number written in digits (got {s:?})", path.name()),
        ),
        Node::Number(n) if is_unsafe_whole(n.value()) && integer_of(n.value()).is_none_or(|i| i > MAX_SAFE_INTEGER) => {
            issues.error(
                path,
                Code::Precision,
                format!(
                    "{} is past 2^53 and cannot be exact as a JS number; pass it as a string, e.g. \"734714573551\"",
                    path.name()
                ),
            )
        }
        Node::Number(n) => match integer_of(n.value()) {
            Some(i) if i > 0 => {}
            _ => issues.error(path, Code::Range, format!("{} must be a positive whole number (got {n})", path.name())),
        },
        _ => issues.error(path, Code::Type, format!("{} must be a number or a string of digits", path.name())),
    }
}

fn check_number(value: &Node, rule: &NumberRule, path: &Path, issues: &mut Issues) {
    let name = || path.name();
    // The text as given (for decimal places and messages) and its value: a number's was read with it.
    let (text, number): (&str, _) = match value {
        Node::Number(n) => (n.text(), n.value().as_f64()),
        Node::String(s) if rule.text_ok => {
            if !is_decimal_text(s, true) {
                issues.error(
                    path,
                    Code::Type,
                    format!("{} must be a number (as a number or numeric text, got {s:?})", name()),
                );
                return;
            }
            (s, decimal_value(s))
        }
        _ => {
            let expected = if rule.text_ok { "a number or numeric text" } else { "a number" };
            issues.error(path, Code::Type, format!("{} must be {expected}", name()));
            return;
        }
    };
    let Some(number) = number else {
        issues.error(path, Code::Type, format!("{} must be a finite number", name()));
        return;
    };
    if rule.integer && number.fract() != 0.0 {
        issues.error(path, Code::Type, format!("{} must be a whole number (got {text})", name()));
    }
    if let Some((min, inclusive)) = rule.min {
        if number < min || (!inclusive && number == min) {
            let bound = if inclusive { "at least" } else { "greater than" };
            issues.error(path, Code::Range, format!("{} must be {bound} {} (got {text})", name(), number_text(min)));
        }
    }
    if let Some(max) = rule.max_decimals {
        if decimal_places(text) > max {
            issues.error(
                path,
                Code::Precision,
                format!("{} may have at most {max} decimal places (got {text})", name()),
            );
        }
    }
}
