//! src/xml.rs (quick-xml) against a conforming parser (roxmltree): every answer well-formed XML
//! reads the same, and what the conforming parser refuses is refused too.
use std::fs;

use ordercraft::xml;

#[path = "support/conforming_xml.rs"]
mod conforming_xml;

/// The providers' sample XML answers, and the shapes a SOAP or TOP answer can take.
fn well_formed() -> Vec<String> {
    let mut texts: Vec<String> = fs::read_dir("src/providers/top")
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|endpoint| fs::read_dir(endpoint.path()).into_iter().flatten().flatten())
        .filter(|file| file.path().extension().is_some_and(|e| e == "xml"))
        .filter_map(|file| fs::read_to_string(file.path()).ok())
        .collect();
    assert!(texts.len() >= 3, "the TOP endpoints' sample XML answers");
    let soap = |body: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.example.org/Ec/"><SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>"#
        )
    };
    texts.extend([
        soap(r#"<ns1:callServiceResponse><response>{"ask":"Success","message":"&lt;ok&gt; &amp; 名","order_code":"X1"}</response></ns1:callServiceResponse>"#),
        soap(r#"<ns1:callServiceResponse><response><![CDATA[{"ask":"Failure","Error":{"errCode":"1","errMessage":"<b>"}}]]></response></ns1:callServiceResponse>"#),
        soap("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>Internal &#x45;rror</faultstring></SOAP-ENV:Fault>"),
        soap("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring/></SOAP-ENV:Fault>"),
        "\u{feff}<?xml version=\"1.0\"?>\n<!-- a comment -->\n<a>\n  <b>1</b>\n  <b>2</b>\n  <b><c/></b>\n  <d x='1' y=\"2\">t<!-- c -->u<?pi?>v</d>\n</a>\n<!-- after -->\n".to_string(),
        "<r>&#65;&#x42;&lt;&gt;&amp;&quot;&apos;<![CDATA[]]>😀</r>".to_string(),
        "<p:r xmlns:p='u'><p:e></p:e><e/></p:r>".to_string(),
    ]);
    texts
}

#[test]
fn well_formed_answers_read_as_a_conforming_parser_reads_them() {
    for text in well_formed() {
        let expected = conforming_xml::read(&text);
        assert!(expected.is_some(), "not well-formed: {text}");
        assert_eq!(xml::read(&text).ok(), expected, "{text}");
    }
}

#[test]
fn what_a_conforming_parser_refuses_is_refused() {
    let answer = well_formed().swap_remove(0);
    // Every cut of a sample answer short of its end tag, and these.
    let cuts = (1..answer.trim_end().len()).filter(|&i| answer.is_char_boundary(i)).map(|i| answer[..i].to_string());
    let malformed = [
        "<a><b></a>",
        r#"<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>"#,
        "<a>&x;</a>",
        "<a>&#0;</a>",
        "<a>1 & 2</a>",
        "<a></a><b></b>",
        "x<a></a>",
        "<a></a>&amp;",
        "<a b='1' b='2'></a>",
        "<a b=1></a>",
        "",
    ]
    .map(str::to_string);
    for text in cuts.chain(malformed) {
        if conforming_xml::read(&text).is_none() {
            assert!(xml::read(&text).is_err(), "read {text:?} as {:?}", xml::read(&text));
        }
    }
}
