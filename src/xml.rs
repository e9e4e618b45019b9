//! XML answers (TOP's `format=xml`, ECCANG's SOAP envelope), read by quick-xml into a small tree
//! of elements, and as JSON values: an element with child elements becomes an object (a name that
//! repeats becomes a list), any other element its text. Namespace prefixes are dropped.
//!
//! Only well-formed XML is read (a garbled answer must not read as a verdict): tags must match,
//! one root element holds everything but whitespace, comments and processing instructions, and
//! every reference must resolve. A DTD is refused, so no entity of the sender's own is expanded.
//! quick-xml and these checks rather than a conforming parser (roxmltree, before, now the test
//! reference: tests/xml.rs and the `responses` fuzz target hold this reader to it): the same
//! answers read the same, for two thirds of the size (24.0 KB gzipped for roxmltree, 15.9 for
//! this; the wasm went from 150,868 to 142,722 bytes gzipped).

use quick_xml::events::{BytesPI, BytesRef, BytesStart, Event};
use quick_xml::Reader;
use serde_json::{Map, Value};

/// An element: its name without a namespace prefix, its own text (its text and CDATA, references
/// resolved, not its children's), and its child elements in order.
#[derive(Debug, Default, PartialEq)]
pub struct Element {
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first element called `name`: this one, or the first below it in document order.
    pub fn find(&self, name: &str) -> Option<&Element> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|child| child.find(name))
    }

    /// The first child element called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }

    /// The element as a JSON value (see the module's doc).
    pub fn into_value(self) -> Value {
        if self.children.is_empty() {
            return Value::String(self.text);
        }
        let mut map = Map::new();
        for child in self.children {
            let name = child.name.clone();
            let value = child.into_value();
            match map.get_mut(&name) {
                None => {
                    map.insert(name, value);
                }
                Some(Value::Array(list)) => list.push(value),
                Some(existing) => {
                    let first = existing.take();
                    *existing = Value::Array(vec![first, value]);
                }
            }
        }
        Value::Object(map)
    }
}

/// The root element's name and value, or why the text is not well-formed XML.
pub fn to_value(text: &str) -> Result<(String, Value), String> {
    let mut root = read(text)?;
    Ok((std::mem::take(&mut root.name), root.into_value()))
}

/// The document's root element, or why the text is not well-formed XML (never quoting it).
pub fn read(text: &str) -> Result<Element, String> {
    if let Some(at) = text.find(|c| !is_xml_char(c)) {
        return Err(format!("a character XML does not allow at byte {at}"));
    }
    let mut reader = Reader::from_str(text);
    // `<e/>` comes as a start and an end, like `<e></e>`.
    reader.config_mut().expand_empty_elements = true;
    let mut open: Vec<Element> = Vec::new();
    // The namespace prefixes declared on the open elements, each with its element's depth.
    let mut declared: Vec<(Vec<u8>, usize)> = Vec::new();
    let mut root = None;
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| format!("{e} at byte {}", reader.error_position()))?;
        let unreadable = |why: &str| format!("{why} at byte {at}");
        match event {
            Event::Start(start) => {
                if root.is_some() {
                    return Err(unreadable("a second root element"));
                }
                open.push(opened(&start, open.len(), &mut declared).map_err(unreadable)?);
            }
            Event::End(_) => {
                // quick-xml has checked that it closes the element open last.
                let Some(element) = open.pop() else { return Err(unreadable("an end tag that closes nothing")) };
                declared.retain(|(_, depth)| *depth < open.len());
                match open.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            }
            Event::Text(text) => {
                let text = text.decode().map_err(|e| e.to_string())?;
                if text.contains("]]>") {
                    return Err(unreadable("`]]>` in text"));
                }
                push_text(&mut open, &line_ends(&text)).map_err(|()| unreadable("text outside the root element"))?;
            }
            Event::CData(data) => {
                let data = data.decode().map_err(|e| e.to_string())?;
                push_text(&mut open, &line_ends(&data)).map_err(|()| unreadable("text outside the root element"))?;
            }
            Event::GeneralRef(reference) => {
                let Some(resolved) = resolve(&reference) else {
                    return Err(unreadable("an unknown or invalid reference"));
                };
                push_text(&mut open, &resolved).map_err(|()| unreadable("a reference outside the root element"))?;
            }
            Event::DocType(_) => return Err(unreadable("a DTD (not accepted)")),
            Event::Empty(_) => return Err(unreadable("an empty element")), // expanded into Start and End above
            // The declaration only first, a processing instruction only with a target of its own.
            Event::Decl(_) if at > 0 && !(at == 3 && text.starts_with('\u{feff}')) => {
                return Err(unreadable("an XML declaration after the start"))
            }
            Event::PI(pi) if has_target(&pi) => {}
            Event::PI(_) => return Err(unreadable("a processing instruction without a proper target")),
            Event::Decl(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    match (open.is_empty(), root) {
        (true, Some(root)) => Ok(root),
        (false, _) => Err(format!("an element left open at the end, byte {}", text.len())),
        (true, None) => Err("no root element".to_string()),
    }
}

/// Line ends as XML reads them: `\r\n` and a lone `\r` are `\n` (a `\r` written `&#13;` stays).
/// Text never ends between the two: markup stands between one event's text and the next's.
fn line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// Adds text to the element open last; outside every element only whitespace may stand.
fn push_text(open: &mut [Element], text: &str) -> Result<(), ()> {
    match open.last_mut() {
        Some(element) => element.text.push_str(text),
        None if text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) => {}
        None => return Err(()),
    }
    Ok(())
}

/// XML 1.0's `Char`: what a document, and a character reference, may hold.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The element a start tag at `depth` opens, its names checked: a prefix at most, and every
/// prefix declared (`xmlns:p`) on it or on an element around it, as XML's namespaces require.
/// Attributes are not read, but must be well-formed (and not repeated).
fn opened(start: &BytesStart, depth: usize, declared: &mut Vec<(Vec<u8>, usize)>) -> Result<Element, &'static str> {
    let mut keys = Vec::new();
    for attribute in start.attributes() {
        let key = attribute.map_err(|_| "a malformed attribute")?.key.as_ref().to_vec();
        if let Some(prefix) = key.strip_prefix(b"xmlns:") {
            declared.push((prefix.to_vec(), depth));
        }
        keys.push(key);
    }
    let bound = |name: &[u8], attribute: bool| {
        is_qualified_name(name)
            && name.iter().position(|&b| b == b':').is_none_or(|colon| {
                let prefix = &name[..colon];
                prefix == b"xml" || (attribute && prefix == b"xmlns") || declared.iter().any(|(p, _)| p == prefix)
            })
    };
    if !bound(start.name().as_ref(), false) {
        return Err("an element name XML does not allow, or an undeclared prefix");
    }
    if !keys.iter().all(|key| bound(key, true)) {
        return Err("an attribute name XML does not allow, or an undeclared prefix");
    }
    Ok(Element { name: String::from_utf8_lossy(start.local_name().as_ref()).into_owned(), ..Element::default() })
}

/// Whether a processing instruction starts with a target: a name, not `xml` (the declaration's).
fn has_target(pi: &BytesPI) -> bool {
    let text = std::str::from_utf8(pi).unwrap_or_default();
    let target = text.split(|c: char| !(is_name_start(c) || is_name_char(c))).next().unwrap_or_default();
    is_name(target.as_bytes()) && !target.eq_ignore_ascii_case("xml")
}

/// A `Name` with one colon at most, neither first nor last (a prefix and a local part).
fn is_qualified_name(name: &[u8]) -> bool {
    is_name(name)
        && name.iter().filter(|&&b| b == b':').count() <= 1
        && name.first() != Some(&b':')
        && name.last() != Some(&b':')
}

/// XML 1.0's `Name` (prefix and colon included).
fn is_name(name: &[u8]) -> bool {
    let mut chars = std::str::from_utf8(name).unwrap_or_default().chars();
    chars.next().is_some_and(is_name_start) && chars.all(|c| is_name_start(c) || is_name_char(c))
}

/// XML 1.0's `NameChar`, less the `NameStartChar`s.
fn is_name_char(c: char) -> bool {
    matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// XML 1.0's `NameStartChar`.
fn is_name_start(c: char) -> bool {
    matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// A character reference (`&#38;`, `&#x26;`) or one of XML's five predefined entities.
fn resolve(reference: &BytesRef) -> Option<String> {
    if let Some(c) = reference.resolve_char_ref().ok()? {
        return is_xml_char(c).then(|| c.to_string());
    }
    let name = reference.decode().ok()?;
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn elements_become_objects_lists_and_text() {
        let xml = r#"<?xml version="1.0"?><r><a>1</a><l><i>x</i><i>y</i></l><e/><t><![CDATA[<&>]]> &amp;</t></r>"#;
        let (name, value) = to_value(xml).unwrap_or_default();
        assert_eq!(name, "r");
        assert_eq!(value, json!({ "a": "1", "l": { "i": ["x", "y"] }, "e": "", "t": "<&> &" }));
    }

    #[test]
    fn line_ends_read_as_xml_reads_them() {
        assert_eq!(
            to_value("<a>1\r\n2\r3\n<![CDATA[4\r\n]]>&#13;</a>"),
            Ok(("a".to_string(), json!("1\n2\n3\n4\n\r")))
        );
    }

    #[test]
    fn prefixes_are_dropped_and_references_resolved() {
        let xml = "<!-- c --><s:Envelope xmlns:s=\"u\" a='1'><s:Body>&#x41;&#66;&lt;&gt;&quot;&apos;<?pi x?>名</s:Body></s:Envelope>\n";
        assert_eq!(to_value(xml), Ok(("Envelope".to_string(), json!({ "Body": "AB<>\"'名" }))));
        let root = read(xml).unwrap_or_default();
        assert_eq!(root.find("Body").map(|b| b.text.as_str()), Some("AB<>\"'名"));
        assert_eq!(root.child("Body").map(|b| b.name.as_str()), Some("Body"));
        assert_eq!(root.find("Envelope").map(|e| e.children.len()), Some(1));
        assert!(root.find("Fault").is_none());
    }

    #[test]
    fn rejects_malformed_xml_and_dtds() {
        for text in [
            "<a><b></a>",
            r#"<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>"#,
            "<!DOCTYPE a><a/>",
            "<a>&x;</a>",
            "<a>&#0;</a>",
            "<a>&#xD800;</a>",
            "<a>&#1;</a>",
            "<a>\u{1}</a>",
            "<a>\u{FFFE}</a>",
            "<es/<es/>",
            "<1a></1a>",
            "<a>]]></a>",
            "<a 1b='x'></a>",
            "<p:a></p:a>",
            "<a p:b='1'></a>",
            "<:a></:a>",
            "<a></:a>",
            "<a><??></a>",
            "<a><?xml x?></a>",
            "<a><?XmL?></a>",
            "<a><?></a>",
            " <?xml version='1.0'?><a/>",
            "<a:b:c xmlns:a='u'></a:b:c>",
            "<a xmlns:p='u'></a><p:b></p:b>",
            "<a><b xmlns:p='u'></b><p:c></p:c></a>",
            "<a>1 & 2</a>",
            "<a><b>",
            "<a></a><b></b>",
            "x<a></a>",
            "<a></a>x",
            "<a></a>&amp;",
            "<a b='1' b='2'></a>",
            "<a b=1></a>",
            "</a>",
            "",
            "  ",
            "<a",
        ] {
            assert!(to_value(text).is_err(), "{text:?} read as {:?}", to_value(text));
        }
    }
}
