//! The signing primitives the gateways share: MD5, HMAC-MD5 and HMAC-SHA256, as upper-case hex.

use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;

pub fn md5_upper_hex(parts: &[&[u8]]) -> String {
    let mut hasher = Md5::new();
    for part in parts {
        hasher.update(part);
    }
    upper_hex(&hasher.finalize())
}

pub fn hmac_md5_upper_hex(key: &[u8], message: &[u8]) -> String {
    hmac_upper_hex::<Hmac<Md5>>(key, message)
}

pub fn hmac_sha256_upper_hex(key: &[u8], message: &[u8]) -> String {
    hmac_upper_hex::<Hmac<Sha256>>(key, message)
}

fn hmac_upper_hex<M: Mac + hmac::digest::KeyInit>(key: &[u8], message: &[u8]) -> String {
    // HMAC takes a key of any length, so `new_from_slice` cannot fail; an empty digest would
    // make the signature check fail loudly rather than panic here.
    match <M as hmac::digest::KeyInit>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(message);
            upper_hex(&mac.finalize().into_bytes())
        }
        Err(_) => String::new(),
    }
}

fn upper_hex(bytes: &[u8]) -> String {
    hex(bytes, b"0123456789ABCDEF")
}

/// Lower-case hex (PandaPon's nonces).
pub fn lower_hex(bytes: &[u8]) -> String {
    hex(bytes, b"0123456789abcdef")
}

fn hex(bytes: &[u8], digits: &[u8; 16]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(digits[usize::from(b >> 4)]));
        out.push(char::from(digits[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Published vectors: RFC 1321 (MD5), RFC 2202 (HMAC-MD5), RFC 4231 (HMAC-SHA256).
    #[test]
    fn md5_rfc1321() {
        assert_eq!(md5_upper_hex(&[b""]), "D41D8CD98F00B204E9800998ECF8427E");
        assert_eq!(md5_upper_hex(&[b"message ", b"digest"]), "F96B697D7CB7938D525A2F31AAF161D0");
    }

    #[test]
    fn hex_writes_every_nibble() {
        let bytes = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef];
        assert_eq!(lower_hex(&bytes), "0123456789abcdef");
        assert_eq!(upper_hex(&bytes), "0123456789ABCDEF");
    }

    #[test]
    fn hmac_md5_rfc2202_case2() {
        assert_eq!(hmac_md5_upper_hex(b"Jefe", b"what do ya want for nothing?"), "750C783E6AB0B503EAA86E310A5DB738");
    }

    #[test]
    fn hmac_sha256_rfc4231_case2() {
        assert_eq!(
            hmac_sha256_upper_hex(b"Jefe", b"what do ya want for nothing?"),
            "5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843"
        );
    }
}
