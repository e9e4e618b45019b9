//! PandaPon's request signature and its five headers.
//!
//! PandaPon's development manual names five headers: `access-key` (signed), `timestamp` (signed;
//! UTC, within 600 s of the server's clock), `nonce-str` (signed; 32 random characters),
//! `user-id` (not signed: sub-account control) and `signature`. The manual does not spell out the
//! composition; a working public client of the same API computes
//! `UPPER(HEX(MD5(access_key + timestamp + nonce_str + access_secret)))` (the signed headers in
//! the manual's order, then the Access Secret; UTF-8, no separators), which matches the seed's
//! 32-character upper-case hex example. That composition lives here and nowhere else.

use serde_json::Value;

use crate::digest::{lower_hex, md5_upper_hex};
use crate::endpoint::Entropy;
use crate::error::Error;
use crate::options::{check_header_value, check_request_url, options, Options};
use crate::request::MASK;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampUnit {
    Milliseconds,
    Seconds,
}

/// The options of `preparePandapon` (and of `prepare` for a PandaPon endpoint), read and checked.
pub struct PandaponOptions<'a> {
    pub access_key: &'a str,
    pub access_secret: &'a str,
    pub user_id: &'a str,
    /// Epoch time as sent, in `timestamp_unit`.
    pub timestamp: String,
    pub nonce: String,
    pub base_url: &'a str,
}

pub const DEFAULT_BASE_URL: &str = "https://api.pandapon.com";

options! {
    /// Options of `preparePandapon`, and of `prepare` for a PandaPon endpoint.
    PandaponOptions => PANDAPON_OPTIONS {
        req credential accessKey: "string", "Access key", "the account's access key, sent and signed";
        req secret accessSecret: "string", "Access secret", "never appears in an error, a log or a preview";
        req credential userId: "string", "User id", "sub-account control; sent, not signed";
        opt setting timestamp: "number | Date | string", "Timestamp", "epoch milliseconds, a `Date`, or the header's digits; now when absent";
        opt setting timestampUnit: one_of("milliseconds", "seconds"), "Timestamp unit", "`milliseconds` (as in the doc's example) when absent";
        opt setting nonce: "string", "Nonce", "32 random hex characters from Web Crypto when absent";
        opt setting baseUrl: "string", "Base URL", "`https://api.pandapon.com` when absent";
    }
}

impl<'a> PandaponOptions<'a> {
    /// `now_ms` and `entropy` stand in for the clock and the nonce when the caller injects neither.
    pub fn read(opts: &'a Value, now_ms: f64, entropy: Entropy) -> Result<PandaponOptions<'a>, Error> {
        let o = Options::read(opts, "opts", &PANDAPON_OPTIONS)?;
        let unit = match o.text("timestampUnit")? {
            None | Some("milliseconds") | Some("ms") => TimestampUnit::Milliseconds,
            Some("seconds") | Some("s") => TimestampUnit::Seconds,
            Some(_) => return Err(o.error("timestampUnit", "expected \"milliseconds\" (default) or \"seconds\"")),
        };
        let timestamp = match o.get("timestamp") {
            None => epoch_text(now_ms, unit).ok_or_else(|| o.error("timestamp", "the clock gave no usable time"))?,
            Some(Value::Number(n)) => n
                .as_f64()
                .and_then(|ms| epoch_text(ms, unit))
                .ok_or_else(|| o.error("timestamp", "expected whole, non-negative epoch milliseconds"))?,
            Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s.clone(),
            Some(_) => {
                return Err(
                    o.error("timestamp", "expected epoch milliseconds, a Date, or the header's digits as a string")
                )
            }
        };
        let nonce = match o.text("nonce")? {
            Some(n) => n.to_string(),
            None => lower_hex(
                &entropy()
                    .ok_or_else(|| o.error("nonce", "no secure random source here: pass a 32-character nonce"))?,
            ),
        };
        let base_url = o.text("baseUrl")?.unwrap_or(DEFAULT_BASE_URL).trim_end_matches('/');
        check_request_url(&o, "baseUrl", base_url)?;
        if base_url.contains(['?', '#']) {
            // The path is appended to it: it would land in the query or the fragment.
            return Err(o.error("baseUrl", "expected a base URL without `?` or `#`: the API path is appended to it"));
        }
        let access_key = o.required_text("accessKey")?;
        let user_id = o.required_text("userId")?;
        check_header_value(&o, "accessKey", access_key)?;
        check_header_value(&o, "userId", user_id)?;
        check_header_value(&o, "nonce", &nonce)?;
        Ok(PandaponOptions {
            access_key,
            access_secret: o.required_text("accessSecret")?,
            user_id,
            timestamp,
            nonce,
            base_url,
        })
    }
}

fn epoch_text(epoch_ms: f64, unit: TimestampUnit) -> Option<String> {
    if !(epoch_ms.is_finite() && epoch_ms >= 0.0 && epoch_ms.fract() == 0.0 && epoch_ms < 1e15) {
        return None;
    }
    let ms = epoch_ms as u64;
    Some(match unit {
        TimestampUnit::Milliseconds => ms.to_string(),
        TimestampUnit::Seconds => (ms / 1000).to_string(),
    })
}

/// The signed text: `access_key + timestamp + nonce_str + secret`.
fn compose(access_key: &str, timestamp: &str, nonce: &str, secret: &str) -> String {
    [access_key, timestamp, nonce, secret].concat()
}

pub fn signature(o: &PandaponOptions) -> String {
    md5_upper_hex(&[compose(o.access_key, &o.timestamp, &o.nonce, o.access_secret).as_bytes()])
}

/// The signed text with the secret replaced by [`MASK`], for people debugging a mismatch.
pub fn masked_string_to_sign(o: &PandaponOptions) -> String {
    compose(o.access_key, &o.timestamp, &o.nonce, MASK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(opts: Value) -> Result<String, Error> {
        PandaponOptions::read(&opts, 1_715_669_977_082.0, &|| Some([0xab; 16]))
            .map(|o| format!("{}|{}|{}", o.timestamp, o.nonce, signature(&o)))
    }

    #[test]
    fn signs_key_timestamp_nonce_secret() {
        let opts = json!({ "accessKey": "ak", "accessSecret": "sk", "userId": "u", "timestamp": 1000, "nonce": "n" });
        // MD5("ak1000nsk"), computed independently: `printf ak1000nsk | md5sum`.
        assert_eq!(read(opts).ok().as_deref(), Some("1000|n|29BB9835E082FBA74BDD0DF995456948"));
    }

    #[test]
    fn defaults_to_the_clock_in_ms_and_a_32_char_nonce() {
        let got = read(json!({ "accessKey": "ak", "accessSecret": "sk", "userId": "u" })).unwrap_or_default();
        let parts: Vec<&str> = got.split('|').collect();
        assert_eq!(parts[0], "1715669977082");
        assert_eq!(parts[1], "ab".repeat(16));
        let secs = read(json!({ "accessKey": "ak", "accessSecret": "sk", "userId": "u", "timestampUnit": "seconds" }));
        assert!(secs.is_ok_and(|s| s.starts_with("1715669977|")));
    }

    #[test]
    fn header_values_must_be_visible_ascii() {
        for (field, value) in
            [("accessKey", "a\r\nX-Evil: 1"), ("userId", "u\n"), ("nonce", "n\u{7f}"), ("userId", "用户")]
        {
            let mut opts = json!({ "accessKey": "ak", "accessSecret": "sk", "userId": "u" });
            opts[field] = json!(value);
            let err = read(opts).err();
            assert!(
                matches!(err, Some(Error::Argument { ref argument, .. }) if argument == &format!("opts.{field}")),
                "{field}"
            );
        }
    }

    #[test]
    fn the_masked_string_never_holds_the_secret() {
        let opts =
            json!({ "accessKey": "ak", "accessSecret": "TOPSECRET", "userId": "u", "timestamp": 5, "nonce": "n" });
        let o = PandaponOptions::read(&opts, 0.0, &|| None).ok();
        assert_eq!(o.map(|o| masked_string_to_sign(&o)).as_deref(), Some("ak5n********"));
    }
}
