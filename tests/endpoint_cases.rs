//! Every endpoint of the registry, from the files in its own folder: the break-one-field cases
//! (`cases.json`) and the sample answers (`success.*` parse as success, `failure.*` as failure).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use ordercraft::api::{example, parse_response};
use ordercraft::registry::ENDPOINTS;
use ordercraft::{Parsed, Severity};
use serde_json::Value;
use support::{issues, set};

fn folder(source: &str) -> PathBuf {
    Path::new(source).parent().expect("an endpoint's source is its mod.rs").to_path_buf()
}

/// `[path, code, severity?]` as the tests compare issues.
fn expected(spec: &Value) -> (String, String, Severity) {
    let part = |i: usize| spec.get(i).and_then(Value::as_str).unwrap_or_default().to_string();
    let severity = if part(2) == "warning" { Severity::Warning } else { Severity::Error };
    (part(0), part(1), severity)
}

fn found(id: &str, order: &Value) -> Vec<(String, String, Severity)> {
    issues(id, order)
        .into_iter()
        .map(|(path, code, severity)| {
            (path, serde_json::to_value(code).unwrap().as_str().unwrap().to_string(), severity)
        })
        .collect()
}

#[test]
fn every_endpoint_passes_the_cases_in_its_folder() {
    for endpoint in ENDPOINTS {
        let id = endpoint.id;
        let file = folder(endpoint.source).join("cases.json");
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{id}: {} ({e})", file.display()));
        let suite: Value = serde_json::from_str(&text).unwrap();
        let doc_example = example(id).unwrap();
        let want: Vec<_> = suite["example"].as_array().unwrap().iter().map(expected).collect();
        assert_eq!(found(id, &doc_example), want, "{id}: the example's own issues");

        let mut base = doc_example;
        for (pointer, value) in suite["base"].as_object().into_iter().flatten() {
            set(&mut base, pointer, Some(value.clone()));
        }
        assert_eq!(found(id, &base), [], "{id}: the base all cases start from");
        let cases = suite["cases"].as_array().unwrap();
        assert!(!cases.is_empty(), "{id}: no cases");
        for case in cases {
            let mut order = base.clone();
            for pointer in case["remove"].as_array().into_iter().flatten() {
                set(&mut order, pointer.as_str().unwrap(), None);
            }
            for (pointer, value) in case["set"].as_object().into_iter().flatten() {
                set(&mut order, pointer, Some(value.clone()));
            }
            let got = found(id, &order);
            if let Some(only) = case.get("only") {
                assert_eq!(got, [expected(only)], "{id}: {case}");
            } else if let Some(has) = case.get("has") {
                assert!(got.contains(&expected(has)), "{id}: {case}: {got:?}");
                if let Some(n) = case["errors"].as_u64() {
                    let errors = got.iter().filter(|i| i.2 == Severity::Error).count();
                    assert_eq!(errors as u64, n, "{id}: {case}: {got:?}");
                }
            } else {
                assert_eq!(case["clean"], Value::Bool(true), "{id}: a case needs only, has or clean: {case}");
                assert_eq!(got, [], "{id}: {case}");
            }
        }
    }
}

#[test]
fn every_endpoints_sample_answers_parse_as_what_they_are() {
    for endpoint in ENDPOINTS {
        let id = endpoint.id;
        let mut seen = (0, 0);
        for entry in fs::read_dir(folder(endpoint.source)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let expect_ok = match name {
                "success" => true,
                "failure" => false,
                _ => continue,
            };
            let body = fs::read_to_string(&path).unwrap();
            let parsed = parse_response(id, &body, &Value::Null).unwrap();
            assert_eq!(matches!(parsed, Parsed::Ok { .. }), expect_ok, "{}: {parsed:?}", path.display());
            if expect_ok {
                seen.0 += 1
            } else {
                seen.1 += 1
            }
        }
        assert!(seen.0 > 0 && seen.1 > 0, "{id}: its folder needs a success.* and a failure.* answer");
    }
}

/// A folder with an example.json is an endpoint: it must be in the registry, or nothing tests it.
#[test]
fn every_endpoint_folder_is_registered() {
    let registered: Vec<PathBuf> = ENDPOINTS.iter().map(|e| folder(e.source)).collect();
    for provider in fs::read_dir("src/providers").unwrap() {
        let provider = provider.unwrap().path();
        if !provider.is_dir() {
            continue;
        }
        for endpoint in fs::read_dir(&provider).unwrap() {
            let dir = endpoint.unwrap().path();
            if dir.join("example.json").exists() {
                assert!(registered.contains(&dir), "{} is not in src/registry.rs", dir.display());
            }
        }
    }
}

/// JSON.stringify's text is put to the caller's check of the value itself (the JS boundary's look
/// for NaN, functions, Maps…) once per call, after the text is read, and an error there replaces
/// the answer of validate and prepare.
#[test]
fn stringified_text_is_put_to_the_as_given_check_once_and_its_error_is_the_answer() {
    use ordercraft::api::{prepare_json, validate_json, Source};
    use ordercraft::endpoint::Env;
    use ordercraft::Error;
    use std::cell::Cell;
    let entropy = || Some([7u8; 16]);
    let env = Env { now_ms: 1.7e12, entropy: &entropy };
    let refused = || Err(Error::argument("order.x", "is NaN"));
    let opts = serde_json::json!({});
    for e in ENDPOINTS {
        let text = example(e.id).unwrap().to_string();
        let asked = Cell::new(0);
        let counting = || {
            asked.set(asked.get() + 1);
            Ok(())
        };
        let counted = Source::Stringified { as_given: &counting };
        assert!(validate_json(e.id, &text, &Value::Null, counted).is_ok_and(|v| v.ok), "{}", e.id);
        assert_eq!(asked.get(), 1, "{}", e.id);
        assert!(validate_json(e.id, &text, &Value::Null, Source::Text).is_ok_and(|v| v.ok), "{}", e.id);
        assert_eq!(asked.get(), 1, "{}: text from anyone has no value behind it to ask about", e.id);
        // Not asked about text that could not be read: that error comes first.
        assert!(validate_json(e.id, &text[1..], &Value::Null, counted).is_err());
        assert_eq!(asked.get(), 1, "{}", e.id);
        let refusing = Source::Stringified { as_given: &refused };
        assert!(matches!(validate_json(e.id, &text, &Value::Null, refusing), Err(Error::Argument { .. })));
        assert!(matches!(prepare_json(e.id, &text, &opts, &env, refusing), Err(Error::Argument { .. })), "{}", e.id);
    }
}

/// A name repeated in the order's text is an issue where anyone may have written the text; in
/// JSON.stringify's (the JS boundary's), which never repeats one, it is not looked for.
#[test]
fn repeated_names_are_looked_for_in_text_from_anyone() {
    use ordercraft::api::{validate_json, Source};
    use ordercraft::Code;
    for e in ENDPOINTS {
        let example = example(e.id).unwrap();
        let Some((name, value)) = example.as_object().and_then(|m| m.iter().next()) else { continue };
        let text = example.to_string();
        let repeated = format!("{{{}:{value},{}", Value::from(name.as_str()), &text[1..]);
        let duplicates = |source| {
            let issues = validate_json(e.id, &repeated, &Value::Null, source).map(|v| v.issues).unwrap_or_default();
            issues.iter().filter(|i| i.code == Code::Duplicate && i.path == format!("/{name}")).count()
        };
        assert_eq!(duplicates(Source::Text), 1, "{}", e.id);
        assert_eq!(duplicates(Source::Stringified { as_given: &|| Ok(()) }), 0, "{}", e.id);
    }
}

/// `jsonParseLosses`: every name given again in its object, wherever it is, and every number a
/// JavaScript number cannot hold as written; text that is not JSON is an argument error.
#[test]
fn json_parse_losses_are_listed() {
    use ordercraft::{Code, Error};
    // JavaScript's reading of a number, as the JS boundary asks it: Rust reads a double exactly
    // and writes its shortest digits, as JavaScript does.
    let json_parse_losses =
        |text: &str| ordercraft::api::json_parse_losses(text, &|n: &str| n.parse::<f64>().ok().map(|v| v.to_string()));
    let found = json_parse_losses(r#"[{"a":1,"b":{"c":1,"c":2,"c":3},"a":3},{"a":1,"A":2}]"#);
    let paths = found.map(|issues| issues.into_iter().map(|i| (i.path, i.code)).collect::<Vec<_>>());
    let at = |path: &str, code| (path.to_string(), code);
    assert_eq!(
        paths,
        Ok(vec![at("/0/b/c", Code::Duplicate), at("/0/b/c", Code::Duplicate), at("/0/a", Code::Duplicate)])
    );
    assert_eq!(json_parse_losses(r#"{"a":{"a":1}}"#), Ok(vec![]));
    assert!(matches!(json_parse_losses(r#"{"a":1,}"#), Err(Error::Argument { .. })));

    // Numbers: the same value however written is kept; more digits than a double holds are not.
    let kept = r#"[0, -0, 1.10, 11e-1, 0.1, 0.3, 0.30000000000000004, 1e21, 9007199254740992, 1.7976931348623157e308, 5e-324, 123.456]"#;
    assert_eq!(json_parse_losses(kept), Ok(vec![]));
    let rounded = r#"{"weight":12.345678901234567891,"id":12345678901234567890,"tiny":1e-400,"list":[0.1000000000000000055511151231257827,9007199254740993]}"#;
    let found = json_parse_losses(rounded).unwrap_or_default();
    let places: Vec<_> = found.iter().map(|i| (i.path.as_str(), i.code)).collect();
    assert_eq!(
        places,
        [
            ("/weight", Code::Precision),
            ("/id", Code::Precision),
            ("/tiny", Code::Precision),
            ("/list/0", Code::Precision),
            ("/list/1", Code::Precision)
        ]
    );
    assert!(
        found[0].message.contains("12.345678901234567891") && found[0].message.contains("12.345678901234567"),
        "{}",
        found[0].message
    );
    assert!(found[2].message.contains("makes it 0"), "{}", found[2].message);
}

/// Every field of every order table (and the tables below it) is found by its name through the
/// compiled slots, at its own position; names that are not fields are not found.
#[test]
fn every_field_is_found_through_the_slots() {
    use ordercraft::schema::{Kind, Schema};
    fn walk(schema: &Schema, seen: &mut usize) {
        for (i, field) in schema.fields.iter().enumerate() {
            assert_eq!(schema.field_index(field.name), Some(i), "{}.{}", schema.name, field.name);
            for other in [format!("{}_", field.name), field.name.to_uppercase(), String::new()] {
                if !schema.fields.iter().any(|f| f.name == other) {
                    assert_eq!(schema.field_index(&other), None, "{}: {other:?}", schema.name);
                }
            }
            *seen += 1;
            match &field.kind {
                Kind::Object(inner) | Kind::List { item: inner, .. } => walk(inner, seen),
                _ => {}
            }
        }
    }
    let mut seen = 0;
    for e in ENDPOINTS {
        walk(e.order, &mut seen);
    }
    assert!(seen > 100, "{seen} fields walked");
}
