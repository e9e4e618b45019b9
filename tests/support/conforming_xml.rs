//! What a conforming XML parser (roxmltree) makes of a text, as `ordercraft::xml::Element`s: each
//! element's name without its prefix, its own text (text and CDATA, not comments) and its child
//! elements. The reference `src/xml.rs` is held to, by tests/xml.rs and the `responses` fuzz
//! target (which includes this file).

use ordercraft::xml::Element;

/// The root element; `None` where the text is not well-formed XML.
pub fn read(text: &str) -> Option<Element> {
    // Left out of the comparison: where roxmltree is lenient, or the two readers tell the
    // declaration from a processing instruction apart differently. roxmltree reads `<:a>` and
    // `</:a>` (an empty prefix: not a qualified name) as `<a>` and `</a>`, and a text such as
    // `<?xml\t…?>` after the start as an instruction. Answers carry neither (a declaration, if
    // any, comes first).
    let body = text.trim_start_matches('\u{feff}');
    if text.contains("<:") || text.contains("</:") || body.strip_prefix("<?xml ").unwrap_or(body).contains("<?xml") {
        return None;
    }
    let doc = roxmltree::Document::parse(text).ok()?;
    Some(element(doc.root_element()))
}

fn element(node: roxmltree::Node) -> Element {
    Element {
        name: node.tag_name().name().to_string(),
        text: node.children().filter(|c| c.is_text()).filter_map(|c| c.text()).collect(),
        children: node.children().filter(|c| c.is_element()).map(element).collect(),
    }
}
