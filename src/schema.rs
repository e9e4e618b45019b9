//! Field tables written like the providers' docs. One table per structure drives validation, the
//! JSON actually sent (unknown fields left out), response normalisation, and the TypeScript
//! declaration of the structure (`model!` emits both from the same lines).

/// Whether a field must be there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Required,
    Optional,
    /// The doc marks it required but its own example omits it: missing is a warning.
    Recommended,
    /// Defined by the doc but must be absent in this request (e.g. an id only an update carries).
    Forbidden,
}

/// What a field's value must be.
#[derive(Debug)]
pub enum Kind {
    Text(Format),
    /// A JSON integer in `min..=max` (TOP's Java `Long` fields).
    Integer {
        min: i64,
        max: i64,
    },
    /// An integer that must be one of these values; with `text_ok`, given as a number or as its
    /// digits (sent as given).
    IntegerOneOf {
        values: &'static [i64],
        text_ok: bool,
    },
    /// A number; with `text_ok`, numeric text is accepted too and sent as given.
    Number(NumberRule),
    /// A positive integer id: a number up to 2^53, or a digit string of any length.
    Id,
    Boolean,
    /// Anything (response fields the provider fills inconsistently, e.g. a Date as text or epoch ms).
    Any,
    Object(&'static Schema),
    List {
        item: &'static Schema,
        min_items: usize,
    },
}

#[derive(Debug)]
pub struct NumberRule {
    pub text_ok: bool,
    pub integer: bool,
    /// The smallest allowed value, and whether it is allowed itself.
    pub min: Option<(f64, bool)>,
    pub max_decimals: Option<u32>,
}

/// The form a text value must have.
#[derive(Debug)]
pub enum Format {
    Any,
    MaxChars(usize),
    OneOf(&'static [&'static str]),
    /// `yyyy-MM-dd HH:mm:ss`, a real calendar time.
    DateTime,
    /// `yyyy-MM-dd`, a real calendar date.
    Date,
    Email,
    /// An absolute http(s) URL.
    Url,
    /// ISO 3166-1 alpha-2: two letters (upper case expected; lower case is a warning).
    CountryAlpha2,
    /// ISO 4217: three letters (upper case expected; lower case is a warning).
    Currency,
    /// Text that parses as JSON (TOP's `properties` fields).
    JsonText,
    /// A non-negative decimal number as text: `1000`, `12.5`.
    Decimal,
    Custom(&'static TextCheck),
}

/// A provider-specific text rule: `check` says whether the text is acceptable, `expected` what is.
#[derive(Debug)]
pub struct TextCheck {
    pub name: &'static str,
    pub check: fn(&str) -> bool,
    pub expected: &'static str,
    /// Whether the doc states this form (failing it is an error) or we only expect it (a warning).
    pub stated: bool,
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    /// `name_hash(name)`, computed when the table is compiled: a lookup compares numbers first.
    pub hash: u32,
    pub presence: Presence,
    pub kind: Kind,
    /// The doc's own description.
    pub doc: &'static str,
    /// The same in English.
    pub en: &'static str,
}

#[derive(Debug)]
pub struct Schema {
    pub name: &'static str,
    pub fields: &'static [Field],
    /// Where each field sits, by its name hash: built with the table (`field_slots`).
    pub slots: FieldSlots,
}

/// An open-addressing index of a table's fields, built at compile time: slot `bucket(hash)` and
/// the next ones hold field position + 1 (0 is empty), so a lookup reads one or two slots instead
/// of scanning the table.
pub type FieldSlots = [u8; FIELD_SLOTS];

pub const FIELD_SLOTS: usize = 64;

/// The first slot for a name hash (Fibonacci hashing: the hash's bits well mixed into six).
const fn bucket(hash: u32) -> usize {
    (hash.wrapping_mul(0x9E37_79B1) >> 26) as usize
}

/// The slots of a table whose fields have these name hashes, in order. `model!` refuses to
/// compile a table of 64 fields or more (the largest has 38), so a slot always stays empty and
/// every probe ends.
pub const fn field_slots(hashes: &[u32]) -> FieldSlots {
    let mut slots = [0u8; FIELD_SLOTS];
    let mut i = 0;
    while i < hashes.len() && i < FIELD_SLOTS - 1 {
        let mut slot = bucket(hashes[i]);
        while slots[slot] != 0 {
            slot = (slot + 1) % FIELD_SLOTS;
        }
        slots[slot] = (i + 1) as u8;
        i += 1;
    }
    slots
}

impl Schema {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.field_index(name).map(|i| &self.fields[i])
    }

    /// The position of the field called `name` in the table.
    pub fn field_index(&self, name: &str) -> Option<usize> {
        let hash = name_hash(name);
        let mut slot = bucket(hash);
        // Probing ends at an empty slot: the index always keeps one (fewer than 64 fields).
        for _ in 0..FIELD_SLOTS {
            let at = usize::from(*self.slots.get(slot)?).checked_sub(1)?;
            let field = self.fields.get(at)?;
            if field.hash == hash && field.name == name {
                return Some(at);
            }
            slot = (slot + 1) % FIELD_SLOTS;
        }
        None
    }
}

/// A name's length and three of its bytes (first, middle, last) in one number: O(1) to compute
/// for each member looked up, and different for nearly every pair of names in a table, so a
/// lookup compares text only where the numbers match.
pub const fn name_hash(name: &str) -> u32 {
    let b = name.as_bytes();
    if b.is_empty() {
        return 0;
    }
    (b.len() as u32 & 0xff) | (b[0] as u32) << 8 | (b[b.len() / 2] as u32) << 16 | (b[b.len() - 1] as u32) << 24
}

/// Declares a structure from lines that read like the doc's table:
///
/// ```text
/// model! {
///     /// 待创建的订单
///     TradeOrder => TRADE_ORDER {
///         req pay_time: datetime, "支付时间", "time paid";
///         opt discount_fee: fen, "优惠金额", "discount on the whole order, in fen";
///     }
/// }
/// ```
///
/// emits `pub static TRADE_ORDER: Schema` and, in the wasm build, `export interface TradeOrder`.
/// Presence: `req`, `opt`, `rec` (doc says required, example omits it: warning) and `forbidden`.
/// A JSON name that is not a Rust identifier is written `name = "JSON name"`.
macro_rules! model {
    (
        $(#[doc = $doc:literal])*
        $ts_name:ident => $schema:ident {
            $(
                $presence:ident $field:ident $(= $json:literal)? : $kind:ident $(( $($args:tt)* ))?,
                $zh:literal, $en:literal;
            )*
        }
    ) => {
        const _: () = assert!(
            [$($crate::schema::field_name!($field $(, $json)?)),*].len() < $crate::schema::FIELD_SLOTS,
            "a table of 64 fields or more needs more FIELD_SLOTS"
        );
        pub static $schema: $crate::schema::Schema = $crate::schema::Schema {
            name: stringify!($ts_name),
            fields: &[$(
                $crate::schema::Field {
                    name: $crate::schema::field_name!($field $(, $json)?),
                    hash: $crate::schema::name_hash($crate::schema::field_name!($field $(, $json)?)),
                    presence: $crate::schema::presence!($presence),
                    kind: $crate::schema::kind!($kind $(( $($args)* ))?),
                    doc: $zh,
                    en: $en,
                },
            )*],
            slots: $crate::schema::field_slots(&[$($crate::schema::name_hash($crate::schema::field_name!($field $(, $json)?))),*]),
        };

        #[cfg(feature = "wasm")]
        #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
        const _: &str = concat!(
            "\n/**", $(" ", $doc,)* " */\nexport interface ", stringify!($ts_name), " {\n",
            $(
                "    /** ", $zh, " — ", $en, $crate::schema::ts_note!($presence), " */\n    ",
                $crate::schema::ts_key!($field $(, $json)?),
                $crate::schema::ts_optional!($presence), ": ",
                $crate::schema::ts_type!($kind $(( $($args)* ))?), ";\n",
            )*
            "}\n"
        );
    };
}

macro_rules! field_name {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident, $json:literal) => {
        $json
    };
}

#[cfg_attr(not(feature = "wasm"), allow(unused_macros))]
macro_rules! ts_key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident, $json:literal) => {
        concat!("\"", $json, "\"")
    };
}

macro_rules! presence {
    (req) => {
        $crate::schema::Presence::Required
    };
    (opt) => {
        $crate::schema::Presence::Optional
    };
    (rec) => {
        $crate::schema::Presence::Recommended
    };
    (forbidden) => {
        $crate::schema::Presence::Forbidden
    };
}

/// What a field's declaration adds to its doc for its presence: why a `rec` field is optional.
#[cfg_attr(not(feature = "wasm"), allow(unused_macros))]
macro_rules! ts_note {
    (rec) => {
        " (the doc marks it required; its own example omits it)"
    };
    ($presence:ident) => {
        ""
    };
}

#[cfg_attr(not(feature = "wasm"), allow(unused_macros))]
macro_rules! ts_optional {
    (req) => {
        ""
    };
    (opt) => {
        "?"
    };
    (rec) => {
        "?"
    };
    (forbidden) => {
        "?"
    };
}

/// The field kinds the tables use, each with its TypeScript type in `ts_type!`.
macro_rules! kind {
    (text) => { $crate::schema::Kind::Text($crate::schema::Format::Any) };
    (text_max($n:literal)) => { $crate::schema::Kind::Text($crate::schema::Format::MaxChars($n)) };
    (one_of($($v:literal),+)) => { $crate::schema::Kind::Text($crate::schema::Format::OneOf(&[$($v),+])) };
    (datetime) => { $crate::schema::Kind::Text($crate::schema::Format::DateTime) };
    (date) => { $crate::schema::Kind::Text($crate::schema::Format::Date) };
    (email) => { $crate::schema::Kind::Text($crate::schema::Format::Email) };
    (url) => { $crate::schema::Kind::Text($crate::schema::Format::Url) };
    (country2) => { $crate::schema::Kind::Text($crate::schema::Format::CountryAlpha2) };
    (currency) => { $crate::schema::Kind::Text($crate::schema::Format::Currency) };
    (json_text) => { $crate::schema::Kind::Text($crate::schema::Format::JsonText) };
    (decimal_text) => { $crate::schema::Kind::Text($crate::schema::Format::Decimal) };
    (checked($check:path)) => { $crate::schema::Kind::Text($crate::schema::Format::Custom(&$check)) };
    (integer($min:expr, $max:expr)) => { $crate::schema::Kind::Integer { min: $min, max: $max } };
    (int_one_of($($v:literal),+)) => { $crate::schema::Kind::IntegerOneOf { values: &[$($v),+], text_ok: false } };
    (int_like_one_of($($v:literal),+)) => { $crate::schema::Kind::IntegerOneOf { values: &[$($v),+], text_ok: true } };
    (fen) => { $crate::schema::Kind::Integer { min: 0, max: $crate::schema::MAX_SAFE_INTEGER } };
    (number($rule:expr)) => { $crate::schema::Kind::Number($crate::schema::NumberRule { text_ok: false, ..$rule }) };
    (number_or_text($rule:expr)) => { $crate::schema::Kind::Number($crate::schema::NumberRule { text_ok: true, ..$rule }) };
    (id) => { $crate::schema::Kind::Id };
    (boolean) => { $crate::schema::Kind::Boolean };
    (any_json) => { $crate::schema::Kind::Any };
    (object($schema:path, $ts:ident)) => { $crate::schema::Kind::Object(&$schema) };
    (list($schema:path, $ts:ident, $min:literal)) => {
        $crate::schema::Kind::List { item: &$schema, min_items: $min }
    };
}

#[cfg_attr(not(feature = "wasm"), allow(unused_macros))]
macro_rules! ts_type {
    (one_of($first:literal $(, $rest:literal)*)) => { concat!("\"", $first, "\"" $(, " | \"", $rest, "\"")*) };
    (int_one_of($first:literal $(, $rest:literal)*)) => { concat!(stringify!($first) $(, " | ", stringify!($rest))*) };
    (int_like_one_of($first:literal $(, $rest:literal)*)) => {
        concat!(stringify!($first), " | \"", stringify!($first), "\"" $(, " | ", stringify!($rest), " | \"", stringify!($rest), "\"")*)
    };
    (integer($($a:tt)*)) => { "number" };
    (fen) => { "number" };
    (number($rule:expr)) => { "number" };
    (number_or_text($rule:expr)) => { "number | string" };
    (id) => { "number | string" };
    (boolean) => { "boolean" };
    (any_json) => { "unknown" };
    (object($schema:path, $ts:ident)) => { stringify!($ts) };
    (list($schema:path, $ts:ident, $min:literal)) => { concat!(stringify!($ts), "[]") };
    ($($text_kind:tt)*) => { "string" };
}

pub(crate) use {field_name, kind, model, presence};
#[cfg(feature = "wasm")]
pub(crate) use {ts_key, ts_note, ts_optional, ts_type};

/// 2^53 − 1: the largest integer a JS number holds exactly.
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// Whether a JS number holds `i` exactly (`unsigned_abs`: `i64::MIN.abs()` would overflow).
pub fn is_safe_integer(i: i64) -> bool {
    i.unsigned_abs() <= MAX_SAFE_INTEGER.unsigned_abs()
}
