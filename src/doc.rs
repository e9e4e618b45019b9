//! JSON text read once into a tree that borrows its strings and numbers from the text: no string
//! copied unless it has escapes, no key hashed. For the caller's order, validation walks the tree,
//! the providers' rules read it and the sendable JSON is written from it; options and the
//! providers' answers are read through it into serde_json's `Value` (`read_value`).
//!
//! It reads exactly what serde_json reads (same grammar, same 128-level nesting limit, lone
//! surrogates refused, numbers parsed by serde_json itself) and writes what serde_json writes —
//! with two decisions of its own: a number is written as the caller wrote it (not re-formatted
//! from a value that may be one unit off), and a name repeated in one object is an issue
//! (serde_json keeps the last one, JavaScript's `JSON.parse` too, other readers the first; the
//! order must not mean two things) — looked for unless the text is `JSON.stringify`'s (`Names`).

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde_json::{Map, Number, Value};

use crate::issue::{Code, Issues, Path};
use crate::words::{bytes_below, bytes_equal, word_at};

/// One JSON value of the caller's text.
#[derive(Debug, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    Number(Num<'a>),
    /// Borrowed from the text when it has no escapes; decoded otherwise.
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// Members in the caller's order.
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// A number: its text as written, and its value as serde_json reads it.
#[derive(Debug, PartialEq)]
pub struct Num<'a> {
    raw: &'a str,
    value: Number,
}

/// The text is not JSON that serde_json would read; `at` is the byte where reading stopped.
/// (Never the text itself in a message: it may hold a secret.)
#[derive(Debug, PartialEq)]
pub struct Unreadable {
    pub at: usize,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unreadable at byte {}", self.at)
    }
}

/// Reads JSON text into serde_json's `Value`, exactly as `serde_json::from_str` does (a repeated
/// name keeps its first place and its last value), for the providers' answers.
pub fn read_value(text: &str) -> Result<Value, Unreadable> {
    parse(text, &mut Issues::default()).map(|document| document.root.into_value())
}

/// The error of an argument that is not JSON data (it never quotes the text: it may hold a secret).
pub fn unreadable(argument: &str) -> crate::Error {
    crate::Error::argument(
        argument,
        "could not be read as plain JSON data (BigInts, cycles and lone surrogates are not accepted)",
    )
}

/// Reads `text`, the argument called `argument`, as JSON that is sent as given: it must be
/// readable, and no name may repeat in an object (the receiver might read either value).
pub fn read_argument<'a>(text: &'a str, argument: &str) -> Result<Document<'a>, crate::Error> {
    let mut issues = Issues::default();
    let document = parse(text, &mut issues).map_err(|_| unreadable(argument))?;
    if issues.has_errors() {
        return Err(crate::Error::Validation(issues.into_vec()));
    }
    Ok(document)
}

/// An issue at each number of `node` that a JavaScript number cannot hold as written (see
/// `decimal::rounded_by_a_double`): where the text is read with `JSON.parse`, that number would
/// not be the one written.
pub fn rounded_numbers(node: &Node, path: &Path, issues: &mut Issues, js_number: &dyn Fn(&str) -> Option<String>) {
    match node {
        Node::Number(n) => {
            if let Some(rounded) = crate::decimal::rounded_by_a_double(n.text(), js_number) {
                issues.error(
                    path,
                    Code::Precision,
                    format!(
                        "{} is written {n}, which a JavaScript number cannot hold: JSON.parse makes it {rounded}; write it in quotes, or with fewer digits",
                        path.name()
                    ),
                );
            }
        }
        Node::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                rounded_numbers(item, &path.index(i), issues, js_number);
            }
        }
        Node::Object(members) => {
            for (name, value) in members {
                rounded_numbers(value, &path.key(name), issues, js_number);
            }
        }
        Node::Null | Node::Bool(_) | Node::String(_) => {}
    }
}

/// serde_json's nesting limit: the 128th nested array or object is refused.
const MAX_DEPTH: usize = 128;

/// A text, read.
pub struct Document<'a> {
    pub root: Node<'a>,
    /// Whether the text is exactly what `write` gives for the tree (no whitespace, escapes as
    /// serde_json writes them), as `JSON.stringify`'s is: then the text itself can be sent.
    pub canonical: bool,
}

/// Whether `name` is among the names of `earlier`, an object's members so far: scanned while
/// they are few (the common case, and the fastest), looked up in `many` once they are not.
#[allow(clippy::ptr_arg)] // the `Cow` itself goes into the set: borrowed names stay uncopied
fn repeats<'a>(
    earlier: &[(Cow<'a, str>, Node<'a>)],
    name: &Cow<'a, str>,
    many: &mut Option<HashSet<Cow<'a, str>>>,
) -> bool {
    const SCANNED: usize = 32;
    let set = match many {
        Some(set) => set,
        None if earlier.len() < SCANNED => return earlier.iter().any(|(n, _)| n == name),
        None => many.insert(earlier.iter().map(|(n, _)| n.clone()).collect()),
    };
    !set.insert(name.clone())
}

/// Whether the reader looks for a name repeated in an object.
#[derive(Clone, Copy, PartialEq)]
pub enum Names {
    /// Looked for: a repeated name is an error issue at that name.
    Checked,
    /// Not looked for: the text's writer never repeats one (`JSON.stringify`).
    Unique,
}

/// Reads `text`; a name repeated in an object is an error issue at that name.
pub fn parse<'a>(text: &'a str, issues: &mut Issues) -> Result<Document<'a>, Unreadable> {
    parse_names(text, issues, Names::Checked)
}

/// Reads `text`, looking for repeated names or not.
pub fn parse_names<'a>(text: &'a str, issues: &mut Issues, names: Names) -> Result<Document<'a>, Unreadable> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: MAX_DEPTH,
        canonical: true,
        names,
        issues,
        items: Vec::new(),
        members: Vec::new(),
    };
    let root = reader.value(&Path::Root)?;
    reader.skip_space();
    if reader.at == reader.bytes.len() {
        Ok(Document { root, canonical: reader.canonical })
    } else {
        Err(reader.unreadable())
    }
}

struct Reader<'a, 'i> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    canonical: bool,
    names: Names,
    issues: &'i mut Issues,
    /// The items and members of the lists and objects being read, nested ones above their
    /// parents': each list or object is then moved out in one allocation of its exact size.
    items: Vec<Node<'a>>,
    members: Vec<(Cow<'a, str>, Node<'a>)>,
}

impl<'a> Reader<'a, '_> {
    fn unreadable(&self) -> Unreadable {
        Unreadable { at: self.at }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
            self.canonical = false;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, word: &[u8]) -> Result<(), Unreadable> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.unreadable())
        }
    }

    fn value(&mut self, path: &Path) -> Result<Node<'a>, Unreadable> {
        match self.peek().ok_or_else(|| self.unreadable())? {
            b'n' => self.eat(b"null").map(|_| Node::Null),
            b't' => self.eat(b"true").map(|_| Node::Bool(true)),
            b'f' => self.eat(b"false").map(|_| Node::Bool(false)),
            b'"' => self.string().map(Node::String),
            b'[' => self.nested(|r| r.array(path)),
            b'{' => self.nested(|r| r.object(path)),
            b'-' | b'0'..=b'9' => self.number().map(Node::Number),
            _ => Err(self.unreadable()),
        }
    }

    fn nested(&mut self, read: impl FnOnce(&mut Self) -> Result<Node<'a>, Unreadable>) -> Result<Node<'a>, Unreadable> {
        self.depth -= 1;
        if self.depth == 0 {
            return Err(self.unreadable());
        }
        self.at += 1;
        let node = read(self);
        self.depth += 1;
        node
    }

    fn array(&mut self, path: &Path) -> Result<Node<'a>, Unreadable> {
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Node::Array(Vec::new()));
        }
        let start = self.items.len();
        loop {
            let item = self.value(&path.index(self.items.len() - start))?;
            self.items.push(item);
            if self.closes(b']')? {
                return Ok(Node::Array(self.items.drain(start..).collect()));
            }
        }
    }

    /// After a list item or an object member: `true` at the closing `close`, `false` after a
    /// comma (another follows), anything else unreadable.
    fn closes(&mut self, close: u8) -> Result<bool, Unreadable> {
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(self.unreadable()),
        }
    }

    fn object(&mut self, path: &Path) -> Result<Node<'a>, Unreadable> {
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Node::Object(Vec::new()));
        }
        let start = self.members.len();
        // The names so far, once there are many: a scan per member would make reading quadratic.
        let mut many_names: Option<HashSet<Cow<'a, str>>> = None;
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.unreadable());
            }
            let name = self.string()?;
            if self.peek() != Some(b':') {
                return Err(self.unreadable());
            }
            self.at += 1;
            let value = self.value(&path.key(&name))?;
            if self.names == Names::Checked && repeats(&self.members[start..], &name, &mut many_names) {
                self.issues.error(
                    &path.key(&name),
                    Code::Duplicate,
                    format!(
                        "`{name}` appears more than once in this object; JSON readers disagree on which one counts, so give it once"
                    ),
                );
            }
            self.members.push((name, value));
            if self.closes(b'}')? {
                return Ok(Node::Object(self.members.drain(start..).collect()));
            }
        }
    }

    /// A string at `"`: borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, Unreadable> {
        self.at += 1;
        let start = self.at;
        // Eight bytes at a time up to the first that ends the plain run.
        while let Some(word) = word_at(self.bytes, self.at) {
            let found = plain_run_ends(word);
            if found != 0 {
                self.at += (found.trailing_zeros() / 8) as usize;
                break;
            }
            self.at += 8;
        }
        loop {
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    let text = self.text.get(start..self.at).ok_or_else(|| self.unreadable())?;
                    self.at += 1;
                    return Ok(Cow::Borrowed(text));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) | None => return Err(self.unreadable()),
                Some(_) => self.at += 1,
            }
        }
        // The decoded text is never longer than the rest of the string as written: one allocation.
        let mut end = self.at;
        while let Some(&b) = self.bytes.get(end).filter(|b| **b != b'"') {
            end += if b == b'\\' { 2 } else { 1 };
        }
        let mut out = String::with_capacity(end - start);
        out.push_str(self.text.get(start..self.at).ok_or_else(|| self.unreadable())?);
        loop {
            let run = self.at;
            while self.bytes.get(self.at).is_some_and(|b| !matches!(b, b'"' | b'\\' | 0..=0x1f)) {
                self.at += 1;
            }
            out.push_str(self.text.get(run..self.at).ok_or_else(|| self.unreadable())?);
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(self.unreadable()),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Unreadable> {
        let b = *self.bytes.get(self.at).ok_or_else(|| self.unreadable())?;
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => {
                self.canonical = false; // serde_json writes `/` itself
                '/'
            }
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                let code = match unit {
                    0xD800..=0xDBFF => {
                        // A leading surrogate must be followed by an escaped trailing one.
                        self.eat(b"\\u")?;
                        let trail = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&trail) {
                            return Err(self.unreadable());
                        }
                        0x10000 + ((unit - 0xD800) << 10) + (trail - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(self.unreadable()),
                    unit => unit,
                };
                // serde_json writes `\u00xx` (lower-case hex) only for control characters without a short escape.
                let hex = self.text.get(self.at - 4..self.at).unwrap_or_default();
                if code >= 0x20
                    || matches!(code, 0x08 | 0x09 | 0x0a | 0x0c | 0x0d)
                    || hex.bytes().any(|b| b.is_ascii_uppercase())
                {
                    self.canonical = false;
                }
                char::from_u32(code).ok_or_else(|| self.unreadable())?
            }
            _ => return Err(self.unreadable()),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Unreadable> {
        let digits = self.text.get(self.at..self.at + 4).ok_or_else(|| self.unreadable())?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.unreadable());
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.unreadable())
    }

    /// A number in JSON's grammar; whole numbers that fit 64 bits are read here, any other by
    /// serde_json (its float reading, its "out of range").
    fn number(&mut self) -> Result<Num<'a>, Unreadable> {
        let start = self.at;
        let negative = self.bytes.get(self.at) == Some(&b'-');
        self.at += usize::from(negative);
        let digits = self.digits();
        let leading_zero = self.bytes.get(self.at - digits) == Some(&b'0');
        if digits == 0 || (leading_zero && digits > 1) {
            return Err(self.unreadable());
        }
        let mut whole = true;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            whole = false;
            if self.digits() == 0 {
                return Err(self.unreadable());
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            whole = false;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.unreadable());
            }
        }
        let raw = self.text.get(start..self.at).ok_or_else(|| self.unreadable())?;
        let exact = if !whole {
            None
        } else if negative {
            raw.parse::<i64>().ok().filter(|i| *i != 0).map(Number::from)
        } else {
            raw.parse::<u64>().ok().map(Number::from)
        };
        let value = match exact {
            Some(n) => n,
            None => raw.parse::<Number>().map_err(|_| self.unreadable())?,
        };
        Ok(Num { raw, value })
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.at - start
    }
}

/// The high bit set in each byte of the word that is `"`, `\` or a control character (see `words`).
fn plain_run_ends(word: u64) -> u64 {
    bytes_equal(word, b'"') | bytes_equal(word, b'\\') | bytes_below(word, 0x20)
}

impl<'a> Num<'a> {
    pub fn value(&self) -> &Number {
        &self.value
    }

    /// The number as the caller wrote it.
    pub fn text(&self) -> &'a str {
        self.raw
    }

    /// The caller's own text. (serde_json's reader, without its slower `float_roundtrip`, reads
    /// about a quarter of all doubles one unit off, and writing that value back would send
    /// 1.235007593889352e-6 for the caller's 1.2350075938893521e-6: the text is what was meant.)
    fn write(&self, out: &mut String) {
        out.push_str(self.raw);
    }
}

/// The number as the caller wrote it, as in `(got 1e+21)`.
impl fmt::Display for Num<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

impl<'a> Node<'a> {
    pub fn into_value(self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Number(n) => Value::Number(n.value),
            Node::String(text) => Value::String(text.into_owned()),
            Node::Array(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Node::Object(members) => {
                let mut map = Map::with_capacity(members.len());
                for (name, value) in members {
                    map.insert(name.into_owned(), value.into_value());
                }
                Value::Object(map)
            }
        }
    }

    /// The value of the object's member `name` (the first, should it be repeated).
    pub fn get(&self, name: &str) -> Option<&Node<'a>> {
        match self {
            Node::Object(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Node::Object(_))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Number(n) => n.value.as_f64(),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Node::Number(n) => n.value.as_i64(),
            _ => None,
        }
    }

    /// Appends this value as compact JSON: serde_json's, but numbers as the caller wrote them.
    pub fn write(&self, out: &mut String) {
        match self {
            Node::Null => out.push_str("null"),
            Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Node::Number(n) => n.write(out),
            Node::String(text) => write_string(text, out),
            Node::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Node::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(name, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// The compact text `write` gives, as in `(got {"a":1})`.
impl fmt::Display for Node<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

/// A string as serde_json writes it: a borrowed one is the caller's own text (it had no escapes,
/// and nothing serde_json escapes can appear unescaped in JSON); a decoded one is escaped again.
#[allow(clippy::ptr_arg)] // the Cow itself says whether the text had escapes
pub fn write_string(text: &Cow<'_, str>, out: &mut String) {
    out.push('"');
    match text {
        Cow::Borrowed(raw) => out.push_str(raw),
        Cow::Owned(decoded) => escape(decoded, out),
    }
    out.push('"');
}

/// serde_json's escaping: `"`, `\` and the control characters; `\b \t \n \f \r` short, the
/// others as `\u00xx` in lower-case hex.
fn escape(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x09 => "\\t",
            0x0a => "\\n",
            0x0c => "\\f",
            0x0d => "\\r",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[run..i]);
        if short.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push_str(short);
        }
        run = i + 1;
    }
    out.push_str(&text[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` read here and written back out (the tests hold it to serde_json's round trip).
    fn read(text: &str) -> Result<String, Unreadable> {
        let mut issues = Issues::default();
        parse(text, &mut issues).map(|d| d.root.to_string())
    }

    /// Whatever serde_json reads, read the same and written the same; whatever it refuses, refused.
    #[test]
    fn reads_and_writes_as_serde_json_does() {
        let samples = [
            "0",
            "-0",
            "-0.0",
            "1",
            "-1",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1.5",
            "1e21",
            "1E+2",
            "1e-7",
            "0.1",
            "123456789012345678901234567890",
            "1e400",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "true",
            "nul",
            "\"a\\u0041\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\u{1}\"",
            "\"\\u001f\\u007f\u{7f}é😀\"",
            " { \"a\" : [ 1 , { } , [ ] , null ] } ",
            "{\"a\":1,}",
            "[1,]",
            "{\"a\" 1}",
            "[1] x",
            "",
            "\"\\x\"",
            "\"\\u12\"",
            "{\"k\\u00e9\":\"v\"}",
        ];
        for text in samples {
            let expected = serde_json::from_str::<serde_json::Value>(text);
            let theirs = expected.as_ref().ok().map(|v| v.to_string());
            // A number is written as it was given; everything else as serde_json writes it.
            let number = text.trim_start().starts_with(|c: char| c == '-' || c.is_ascii_digit());
            let written = if number { theirs.map(|_| text.trim().to_string()) } else { theirs };
            assert_eq!(read(text).ok(), written, "{text}");
            assert_eq!(read_value(text).ok(), expected.ok(), "{text}");
        }
        for control in 0u8..0x80 {
            let value = serde_json::Value::String(char::from(control).to_string());
            assert_eq!(read(&value.to_string()).ok(), Some(value.to_string()), "{control}");
        }
    }

    /// Canonical exactly when the text is what `write` gives for the tree read from it.
    #[test]
    fn canonical_means_the_text_is_what_would_be_written() {
        let samples = [
            r#"{"a":[1,-2,1.5,"x\n\u0001\"\\"],"b":{}}"#,
            r#"{"a": 1}"#,
            " 1",
            r#""\/""#,
            r#""\u0041""#,
            r#""\u001F""#,
            r#""\u001f""#,
            "1e21",
            "1E21",
            "0.1",
            "1.0",
            "-0",
            "100000000000000000000",
            r#""é""#,
            r#""\u00e9""#,
        ];
        for text in samples {
            let mut issues = Issues::default();
            let document = parse(text, &mut issues).ok();
            assert_eq!(document.as_ref().map(|d| d.canonical), document.map(|d| d.root.to_string() == text), "{text}");
        }
        let canonical = |text| parse(text, &mut Issues::default()).is_ok_and(|d| d.canonical);
        assert!(canonical(r#"{"a":[1e+21,1.2350075938893521e-6,"\n"]}"#));
        assert!(!canonical(r#"{"a": 1}"#) && !canonical(r#""\/""#) && !canonical(r#""\u0041""#));
    }

    /// The caller's digits are sent, even where serde_json's reader is one unit off.
    #[test]
    fn numbers_are_written_as_given() {
        for text in ["1.2350075938893521e-6", "0.30000000000000004", "1e+21", "100000000000000000000", "-0"] {
            assert_eq!(read(text).ok().as_deref(), Some(text));
        }
    }

    #[test]
    fn a_repeated_name_reads_into_a_value_as_serde_json_reads_it() {
        let text = r#"{"a":1,"b":2,"a":3}"#;
        assert_eq!(read_value(text).ok(), serde_json::from_str::<serde_json::Value>(text).ok());
    }

    #[test]
    fn nesting_stops_where_serde_json_stops() {
        for depth in [126, 127, 128, 129] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            assert_eq!(read(&text).is_ok(), serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{depth}");
        }
    }

    #[test]
    fn a_repeated_name_is_an_issue_at_it() {
        let mut issues = Issues::default();
        let document = parse(r#"{"a":{"b":1,"c":2,"b":3},"d":[{"e":1,"e":1}]}"#, &mut issues);
        assert!(document.is_ok());
        let found: Vec<(String, Code)> = issues.into_vec().into_iter().map(|i| (i.path, i.code)).collect();
        assert_eq!(found, [("/a/b".to_string(), Code::Duplicate), ("/d/0/e".to_string(), Code::Duplicate)]);
    }

    #[test]
    fn a_repeated_name_is_found_in_an_object_of_many_names_too() {
        // Past the scanned few, names are looked up in a set: repeats of a plain name, of one
        // written with escapes (an owned name), and of one given before the set was made.
        let mut members: Vec<String> = (0..40).map(|i| format!(r#""n{i}":{i}"#)).collect();
        members.insert(1, r#""\u0065scaped":0"#.into());
        for repeat in [r#""n2":0"#, r#""n35":0"#, r#""escaped":0"#, r#""n39":{"n39":0}"#] {
            members.push(repeat.into());
        }
        let mut issues = Issues::default();
        assert!(parse(&format!("{{{}}}", members.join(",")), &mut issues).is_ok());
        let found: Vec<(String, Code)> = issues.into_vec().into_iter().map(|i| (i.path, i.code)).collect();
        let duplicate = |path: &str| (path.to_string(), Code::Duplicate);
        assert_eq!(found, [duplicate("/n2"), duplicate("/n35"), duplicate("/escaped"), duplicate("/n39")]);
    }
}
