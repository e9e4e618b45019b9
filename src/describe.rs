//! `schema(id)`: the field tables as data, so the order builder's form is generated from the
//! same tables that validate (the form and the rules cannot disagree).

use serde::Serialize;

use crate::schema::{Field, Format, Kind, Presence, Schema};

/// One field of a structure, as the order builder shows it.
#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    pub name: &'static str,
    /// `required`, `optional`, `recommended` (the doc says required, its example omits it) or
    /// `forbidden` (must be absent in this request).
    pub presence: &'static str,
    /// `text`, `integer`, `number`, `id`, `boolean`, `object`, `list` or `any`.
    pub kind: &'static str,
    /// For text: `datetime`, `date`, `email`, `url`, `country`, `currency`, `json`, `decimal`,
    /// or a provider check's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub format: Option<&'static str>,
    /// What the format expects, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub expected: Option<&'static str>,
    /// The allowed values of an enumerated field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub values: Vec<String>,
    /// Numbers: whether numeric text is accepted too.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub text_ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub max_length: Option<usize>,
    /// The doc's own description (Chinese).
    pub doc: &'static str,
    pub en: &'static str,
    /// Objects: the structure's name and fields; lists: those of each item.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub structure: Option<StructureInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub min_items: Option<usize>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct StructureInfo {
    pub name: &'static str,
    pub fields: Vec<FieldInfo>,
}

pub fn describe(schema: &Schema) -> StructureInfo {
    StructureInfo { name: schema.name, fields: schema.fields.iter().map(field).collect() }
}

fn field(f: &Field) -> FieldInfo {
    let mut info = FieldInfo {
        name: f.name,
        presence: match f.presence {
            Presence::Required => "required",
            Presence::Optional => "optional",
            Presence::Recommended => "recommended",
            Presence::Forbidden => "forbidden",
        },
        kind: "text",
        format: None,
        expected: None,
        values: Vec::new(),
        text_ok: false,
        max_length: None,
        doc: f.doc,
        en: f.en,
        structure: None,
        min_items: None,
    };
    match &f.kind {
        Kind::Text(format) => {
            let (name, expected) = match format {
                Format::Any => (None, None),
                Format::MaxChars(n) => {
                    info.max_length = Some(*n);
                    (None, None)
                }
                Format::OneOf(values) => {
                    info.values = values.iter().map(|v| v.to_string()).collect();
                    (None, None)
                }
                Format::DateTime => (Some("datetime"), Some("yyyy-MM-dd HH:mm:ss")),
                Format::Date => (Some("date"), Some("yyyy-MM-dd")),
                Format::Email => (Some("email"), Some("name@example.com")),
                Format::Url => (Some("url"), Some("http(s)://…")),
                Format::CountryAlpha2 => (Some("country"), Some("ISO 3166-1 alpha-2, e.g. US")),
                Format::Currency => (Some("currency"), Some("ISO 4217, e.g. USD")),
                Format::JsonText => (Some("json"), Some("JSON text")),
                Format::Decimal => (Some("decimal"), Some("a decimal number as text, e.g. 12.50")),
                Format::Custom(check) => (Some(check.name), Some(check.expected)),
            };
            info.format = name;
            info.expected = expected;
        }
        Kind::Integer { .. } => info.kind = "integer",
        Kind::IntegerOneOf { values, text_ok } => {
            info.kind = "integer";
            info.values = values.iter().map(i64::to_string).collect();
            info.text_ok = *text_ok;
        }
        Kind::Number(rule) => {
            info.kind = if rule.integer { "integer" } else { "number" };
            info.text_ok = rule.text_ok;
        }
        Kind::Id => {
            info.kind = "id";
            info.text_ok = true;
        }
        Kind::Boolean => info.kind = "boolean",
        Kind::Any => info.kind = "any",
        Kind::Object(schema) => {
            info.kind = "object";
            info.structure = Some(describe(schema));
        }
        Kind::List { item, min_items } => {
            info.kind = "list";
            info.structure = Some(describe(item));
            info.min_items = Some(*min_items);
        }
    }
    info
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{find, ENDPOINTS};

    #[test]
    fn every_endpoint_describes_every_field_of_its_tables() {
        fn count(s: &StructureInfo) -> usize {
            s.fields.iter().map(|f| 1 + f.structure.as_ref().map_or(0, count)).sum()
        }
        fn count_schema(s: &Schema) -> usize {
            s.fields
                .iter()
                .map(|f| {
                    1 + match &f.kind {
                        Kind::Object(inner) | Kind::List { item: inner, .. } => count_schema(inner),
                        _ => 0,
                    }
                })
                .sum()
        }
        for e in ENDPOINTS {
            assert_eq!(count(&describe(e.order)), count_schema(e.order), "{}", e.id);
        }
        let trade = find("top:alibaba.wdk.trade.order.create").map(|e| describe(e.order));
        let trade = trade.as_ref().ok();
        let flag =
            trade.and_then(|t| t.fields.iter().find(|f| f.name == "delivery")).and_then(|f| f.structure.as_ref());
        let flag = flag.and_then(|s| s.fields.iter().find(|f| f.name == "privacy_phone_flag"));
        assert_eq!(flag.map(|f| (f.kind, f.values.clone())), Some(("integer", vec!["0".into(), "1".into()])));
    }
}
