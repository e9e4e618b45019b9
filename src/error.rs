//! The errors an entry point can return. Each becomes a JS `Error` subclass of the same name at the
//! boundary. No message ever quotes an option's value, so a secret cannot leak through one.

use crate::issue::Issue;

#[derive(Debug, PartialEq)]
pub enum Error {
    /// The order (or business parameters) broke at least one rule; every issue found is here.
    Validation(Vec<Issue>),
    /// An argument or option is missing or unusable; `argument` names it (`opts.appSecret`, `method`).
    Argument { argument: String, message: String },
    /// No endpoint has this id; `suggestion` is the known id it most likely means.
    UnknownEndpoint { id: String, suggestion: Option<&'static str> },
}

impl Error {
    pub fn argument(argument: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Argument { argument: argument.into(), message: message.into() }
    }

    /// The one-line message the JS error carries.
    pub fn message(&self) -> String {
        match self {
            Error::Validation(issues) => {
                let errors: Vec<&Issue> =
                    issues.iter().filter(|i| i.severity == crate::issue::Severity::Error).collect();
                let first = errors.first().map(|i| format!(": {} {}", display_path(&i.path), i.message));
                format!(
                    "the order has {} error{}{}",
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" },
                    first.unwrap_or_default()
                ) + if errors.len() > 1 { " (see .issues for all)" } else { "" }
            }
            Error::Argument { argument, message } => format!("{argument}: {message}"),
            Error::UnknownEndpoint { id, suggestion } => {
                let hint = suggestion.map(|known| format!("; did you mean {known:?}?")).unwrap_or_else(|| ";".into());
                format!("unknown endpoint id {id:?}{hint} endpoints() lists the known ids")
            }
        }
    }
}

fn display_path(path: &str) -> &str {
    if path.is_empty() {
        "(root)"
    } else {
        path
    }
}
