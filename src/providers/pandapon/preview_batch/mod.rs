//! `POST /alibaba/order/create/previewbatch`: preview a 1688 purchase from several sellers at once.
//!
//! Decisions where the doc contradicts itself:
//! - `phone` is marked 必需 but the doc's own example omits it, and 1688 takes a mobile alone:
//!   missing is a warning. When present it must be digits and hyphens (1688 rejects other text).
//! - `sellerOpenId` on cargo lines is marked 必需 but the example omits it: missing is a warning.
//! - `specId` is marked 必需, but 1688 wants it left out for single-spec offers: missing is a
//!   warning that says so (not silence, not an error); when present it must not be empty, and
//!   anything but 32 hex characters is a warning.
//! - `quantity` is a number (1688 takes a Double): positive; a fraction is a warning.
//! - The response's `data` is drawn as a list but the example gives one object: both are read.
//!
//! Money in the response: `sumPayment`, `sumCarriage`, `sumPaymentNoCarriage` and `discountFee`
//! are fen; cargo `amount` and `finalUnitPrice` are yuan (the example: 2 × 630 yuan = 126000 fen).

use std::collections::HashMap;

use serde_json::Value;

use crate::doc::Node;

use super::ApiPath;
use crate::endpoint::Endpoint;
use crate::issue::{Code, Issues, Path};
use crate::normalize::normalize;
use crate::response::{Parsed, PartialFailure};
use crate::schema::{model, NumberRule, TextCheck};
use crate::validate::text::number_text;

pub const PATH: &str = "/alibaba/order/create/previewbatch";

pub static ENDPOINT: Endpoint = Endpoint {
    id: "pandapon:/alibaba/order/create/previewbatch",
    title: "1688 purchase preview, several sellers at once",
    title_zh: "创建订单前预览数据(批量不同商家)",
    order: &PREVIEW_BATCH_REQUEST,
    rules,
    // The doc's example body, as printed.
    example: include_str!("example.json"),
    // The doc draws `data` as a list but its example gives one object: both are read.
    transport: &ApiPath { path: PATH, parse, response_type: "PreviewBatchData | PreviewBatchData[]" },
    // A preview creates nothing.
    idempotent: true,
    key_field: None,
    source: file!(),
};

/// Mainland China mobile: `1[3-9]` and nine more digits, optionally after `+86` or `0086`.
pub static MAINLAND_MOBILE: TextCheck = TextCheck {
    name: "mainland_mobile",
    check: |t| {
        let n = t.strip_prefix("+86").or_else(|| t.strip_prefix("0086")).unwrap_or(t).as_bytes();
        n.len() == 11 && n[0] == b'1' && (b'3'..=b'9').contains(&n[1]) && n.iter().all(u8::is_ascii_digit)
    },
    expected: "a mainland China mobile number: 1[3-9] and nine more digits, optionally after +86 or 0086",
    stated: false,
};

/// Landline as 1688 takes it: digits and hyphens only (`0571-88888888`).
pub static DIGITS_AND_HYPHENS: TextCheck = TextCheck {
    name: "digits_and_hyphens",
    check: |t| t.bytes().any(|b| b.is_ascii_digit()) && t.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
    expected: "digits and hyphens only, e.g. 0571-88888888",
    stated: false,
};

/// Six digits (1688's own examples use `000000` for "unknown", so it is valid).
pub static POST_CODE: TextCheck = TextCheck {
    name: "post_code",
    check: |t| t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()),
    expected: "six digits, e.g. 311121",
    stated: true,
};

const POSITIVE: NumberRule = NumberRule { text_ok: false, integer: false, min: Some((0.0, false)), max_decimals: None };
const ANY_NUMBER: NumberRule = NumberRule { text_ok: false, integer: false, min: None, max_decimals: None };

model! {
    /// previewbatch body: one delivery address, cargo lines from any number of sellers
    PreviewBatchRequest => PREVIEW_BATCH_REQUEST {
        req addressParam: object(ADDRESS_PARAM, AddressParam), "收货地址", "delivery address";
        req cargoParamList: list(CARGO_PARAM, CargoParam, 1), "商品信息", "cargo lines (at least one)";
    }
}

model! {
    /// 收货地址 (addressParam)
    AddressParam => ADDRESS_PARAM {
        req fullName: text, "收货人姓名", "consignee's full name";
        req mobile: checked(MAINLAND_MOBILE), "手机", "mainland mobile number";
        rec phone: checked(DIGITS_AND_HYPHENS), "电话", "landline, digits and hyphens";
        opt postCode: checked(POST_CODE), "邮编", "postcode, six digits";
        req cityText: text, "市文本", "city";
        req provinceText: text, "省份文本", "province";
        opt areaText: text, "区文本", "district";
        opt townText: text, "镇文本", "town";
        req address: text, "街道地址", "street address";
    }
}

model! {
    /// 商品信息 (cargoParamList item)
    CargoParam => CARGO_PARAM {
        req offerId: id, "商品ID", "1688 offer id (a string past 2^53)";
        opt specId: text, "规格ID (单规格商品不传)", "spec id: leave out for single-spec offers";
        req quantity: number(POSITIVE), "数量", "quantity (1688 takes a Double)";
        rec sellerOpenId: text, "卖家openId", "seller's open id";
    }
}

model! {
    /// previewbatch response
    PreviewBatchResponse => PREVIEW_BATCH_RESPONSE {
        opt requestId: text, "请求ID", "request id";
        opt code: integer(0, 999_999), "返回码 (200 成功)", "status code, 200 on success";
        opt developId: text, "开发者ID", "developer id";
        opt msg: text, "消息", "message";
        opt data: object(PREVIEW_BATCH_DATA, PreviewBatchData), "数据", "previews";
    }
}

model! {
    /// previewbatch `data`
    PreviewBatchData => PREVIEW_BATCH_DATA {
        opt orderPreviewResuslt: list(ORDER_PREVIEW, OrderPreview, 0), "订单预览结果 (the API's own spelling)", "one preview per seller";
        opt success: boolean, "是否成功", "success";
        opt errorCode: text, "错误码", "error code";
        opt errorMsg: text, "错误信息", "error message";
        opt postFeeByDescOfferList: any_json, "运费说明的商品", "offers whose postage is by description";
        opt consignOfferList: any_json, "代发商品", "drop-shipping offers";
        opt unsupportedCrossBorderPayOfferList: any_json, "不支持跨境宝支付的商品", "offers that cannot be paid cross-border";
        opt sellerOpenId: text, "卖家openId", "seller's open id";
    }
}

model! {
    /// One seller's preview. Totals in fen.
    OrderPreview => ORDER_PREVIEW {
        opt status: boolean, "是否成功", "false when this seller's preview failed";
        opt errorCode: text, "错误码", "1688 error code, e.g. 500_009";
        opt errorMsg: text, "错误信息", "1688 error message";
        opt message: text, "消息", "message";
        opt resultCode: text, "结果码", "result code";
        opt sumPayment: fen, "总金额(分)", "total payable, fen";
        opt sumCarriage: fen, "运费(分)", "shipping, fen";
        opt sumPaymentNoCarriage: fen, "不含运费金额(分)", "total without shipping, fen";
        opt discountFee: fen, "优惠(分)", "discount, fen";
        opt additionalFee: fen, "附加费(分)", "additional fee, fen";
        opt flowFlag: text, "流程标记", "flow, e.g. general";
        opt tradeModeNameList: any_json, "交易方式", "trade modes, e.g. assureTrade";
        opt taoSampleSinglePromotion: boolean, "淘样单品优惠", "sample promotion";
        opt cargoList: list(PREVIEW_CARGO, PreviewCargo, 0), "商品", "cargo lines";
        opt shopPromotionList: any_json, "店铺优惠", "shop promotions";
        opt tradeModelList: list(TRADE_MODEL, TradeModel, 0), "交易模式", "trade models";
        opt sellerOpenId: text, "卖家openId", "seller's open id";
    }
}

model! {
    /// A previewed cargo line. Prices in yuan.
    PreviewCargo => PREVIEW_CARGO {
        opt offerId: id, "商品ID", "offer id";
        opt specId: text, "规格ID", "spec id";
        opt skuId: id, "SKU ID", "SKU id";
        opt amount: number(ANY_NUMBER), "金额(元)", "line amount, yuan";
        opt finalUnitPrice: number(ANY_NUMBER), "最终单价(元)", "final unit price, yuan";
        opt message: text, "消息", "message";
        opt resultCode: text, "结果码", "result code";
        opt cargoPromotionList: any_json, "商品优惠", "promotions";
    }
}

model! {
    /// 交易模式
    TradeModel => TRADE_MODEL {
        opt tradeType: text, "交易类型", "trade type, e.g. assureTrade";
        opt name: text, "名称", "name, e.g. 担保交易";
        opt description: text, "说明", "description";
        opt opSupport: boolean, "是否支持", "supported";
        opt tradeWay: text, "交易方式", "trade way";
    }
}

pub fn rules(order: &Node, issues: &mut Issues) {
    let Some(lines) = order.get("cargoParamList").and_then(Node::as_array) else { return };
    let list = Path::Root.key("cargoParamList");
    let mut seen: HashMap<(&str, Option<&str>), usize> = HashMap::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let here = list.index(i);
        if line.get("specId").is_none_or(Node::is_null) {
            issues.warning(
                &here.key("specId"),
                Code::Required,
                "`specId` is marked required (必需); leave it out only for an offer with a single spec, which 1688 refuses a specId for",
            );
        }
        if let Some(spec) = line.get("specId").and_then(Node::as_str) {
            if spec.is_empty() {
                issues.error(
                    &here.key("specId"),
                    Code::Length,
                    "`specId` must not be empty: leave it out for a single-spec offer",
                );
            } else if !(spec.len() == 32 && spec.bytes().all(|b| b.is_ascii_hexdigit())) {
                issues.warning(
                    &here.key("specId"),
                    Code::Format,
                    format!("`specId` {spec:?} is not the 32 hex characters 1688 spec ids have"),
                );
            }
        }
        if let Some(q) = line.get("quantity").and_then(Node::as_f64).filter(|q| *q > 0.0 && q.fract() != 0.0) {
            issues.warning(
                &here.key("quantity"),
                Code::Precision,
                format!("`quantity` {} is a fraction; most 1688 offers sell whole units", number_text(q)),
            );
        }
        let offer: &str = match line.get("offerId") {
            Some(Node::Number(n)) => n.text(),
            Some(Node::String(s)) => s,
            _ => continue,
        };
        let spec = line.get("specId").and_then(Node::as_str);
        if let Some(first) = seen.insert((offer, spec), i) {
            issues.warning(
                &here,
                Code::Duplicate,
                format!(
                    "offer {offer} with this specId is already ordered by cargoParamList/{first}; merge the quantities"
                ),
            );
        }
    }
}

/// Reads the response, typed, with each seller's failed preview surfaced in `failures`.
pub fn parse(body: &str) -> Parsed<Value> {
    let (data, request_id) = match super::read_envelope(body) {
        Ok(envelope) => envelope,
        Err(e) => return Parsed::Err(e),
    };
    let root = Path::Root.key("data");
    let mut failures = Vec::new();
    let data = match data {
        Value::Array(groups) => Value::Array(
            groups
                .into_iter()
                .enumerate()
                .map(|(i, g)| {
                    let g = normalize(g, &PREVIEW_BATCH_DATA);
                    collect_failures(&g, &root.index(i), &mut failures);
                    g
                })
                .collect(),
        ),
        other => {
            let g = normalize(other, &PREVIEW_BATCH_DATA);
            collect_failures(&g, &root, &mut failures);
            g
        }
    };
    Parsed::Ok { data, request_id, failures }
}

fn collect_failures(group: &Value, path: &Path, out: &mut Vec<PartialFailure>) {
    if let Some(f) = failure(group, path, group.get("success") == Some(&Value::Bool(false))) {
        out.push(f);
    }
    let Some(previews) = group.get("orderPreviewResuslt").and_then(Value::as_array) else { return };
    let list = path.key("orderPreviewResuslt");
    for (i, preview) in previews.iter().enumerate() {
        let here = list.index(i);
        if let Some(f) = failure(preview, &here, preview.get("status") == Some(&Value::Bool(false))) {
            out.push(f);
        }
        // A cargo line with a `resultCode` failed on its own, whatever the preview's status says.
        let lines = here.key("cargoList");
        for (j, line) in preview.get("cargoList").and_then(Value::as_array).into_iter().flatten().enumerate() {
            if let Some(mut f) = failure(line, &lines.index(j), false) {
                f.seller_open_id = f.seller_open_id.or_else(|| field_text(preview, "sellerOpenId").map(str::to_string));
                out.push(f);
            }
        }
    }
}

/// A field's text, when it has any.
fn field_text<'a>(entry: &'a Value, name: &str) -> Option<&'a str> {
    entry.get(name).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// An entry that failed: `failed` (its status said so), or an `errorCode`, `errorMsg` or a
/// non-null `resultCode` (1688 sets it only when something went wrong, even under `status: true`).
fn failure(entry: &Value, path: &Path, failed: bool) -> Option<PartialFailure> {
    let text = |name| field_text(entry, name);
    let code = text("errorCode").or(text("resultCode"));
    let msg = text("errorMsg").or(text("message"));
    if !failed && code.is_none() && text("errorMsg").is_none() {
        return None;
    }
    Some(PartialFailure {
        path: path.pointer(),
        seller_open_id: text("sellerOpenId").map(str::to_string),
        code: code.unwrap_or("failed").to_string(),
        message: readable(code, msg),
    })
}

/// 1688's preview error codes in words. Only the two the project has confirmed are named; any
/// other code keeps 1688's own message.
fn readable(code: Option<&str>, msg: Option<&str>) -> String {
    let meaning = match code {
        Some("500_001") => Some("the offer cannot be traded (off the shelf, or not open to online orders)"),
        Some("500_009") => Some("the quantity is below the offer's wholesale minimum (起批量)"),
        _ => None,
    };
    match (meaning, msg, code) {
        (Some(m), Some(msg), _) => format!("{m}: {msg}"),
        (Some(m), None, _) => m.to_string(),
        (None, Some(msg), Some(code)) => format!("1688 refused this preview ({code}): {msg}"),
        (None, Some(msg), None) => format!("1688 refused this preview: {msg}"),
        (None, None, Some(code)) => format!("1688 refused this preview ({code})"),
        (None, None, None) => "1688 refused this preview (status false)".to_string(),
    }
}
