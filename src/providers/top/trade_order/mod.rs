//! `alibaba.wdk.trade.order.create` (外部交易订单创单接口): a Hema (Freshippo) external trade order.
//! Doc: docs/provider-docs/top-alibaba.wdk.trade.order.create.txt. The business parameter is `trade`.
//!
//! Money: the doc's Number fee fields are Java `Long`s (`setOriginFee(10000L)`): whole numbers,
//! so they are fen (分, 1/100 yuan), Alibaba's usual unit for integer money; 10000 = ¥100.00.
//!
//! Decisions where the doc contradicts itself:
//! - The table is flattened: its last `out_order_id` (required, example `11`) and `biz_type` sit
//!   under the sub-order fields, but the Java example sets them on the trade
//!   (`obj1.setOutOrderId("11")`, `obj1.setBizType(…)`): they are trade fields.
//! - `delivery` is optional, but when given its fields marked 必须 are required.
//! - The example's sub-order has `sale_price` 100 × `sale_quantity` 1 but `origin_fee` 200, and a
//!   trade `origin_fee` of 10000 over one sub-order of 200: such sums are implied, not stated,
//!   so they are warnings. `pay_fee` formulas are stated (支付金额 = 整单原价 − 整单优惠金额 + 运费;
//!   子商品实际支付金额 = 商品原总 − 优惠金额), so breaking them is an error.
//! - Response: `error_code` is described as 错误消息 and `error_msg` as 错误编码 (swapped); the names
//!   are taken at their word. `success` is typed String ("true"); it is read as a boolean.

use std::collections::HashMap;

use serde_json::Value;

use crate::doc::Node;

use super::OrderMethod;
use crate::endpoint::Endpoint;
use crate::issue::{Code, Issues, Path};
use crate::response::ResponseError;
use crate::schema::{model, TextCheck, MAX_SAFE_INTEGER};
use crate::time::DateTime;
use crate::validate::text::{decimal_value, is_decimal_text};

pub static ENDPOINT: Endpoint = Endpoint {
    id: "top:alibaba.wdk.trade.order.create",
    title: "Hema (Freshippo) external trade order",
    title_zh: "外部交易订单创单接口",
    order: &TRADE_ORDER,
    rules,
    example: include_str!("example.json"),
    transport: &OrderMethod {
        method: "alibaba.wdk.trade.order.create",
        param: "trade",
        response_field: "result",
        response: &ORDER_RESULT,
        business_failure: not_created,
    },
    // `out_order_id` is the merchant's id, but the doc does not say Hema refuses a repeat.
    idempotent: false,
    key_field: Some("out_order_id"),
    source: file!(),
};

/// Hema did not create the order: `success` false (as a boolean or as text in any case, the doc
/// types it String), or an `error_code` without `success`. A `success` that is neither true nor
/// false, or an answer with none of `success`, `error_code` and the created `trade`, is not
/// guessed at: it is a parse error, so the caller looks before sending again.
fn not_created(result: &Value) -> Option<ResponseError> {
    let failed = match result.get("success") {
        Some(Value::Bool(ok)) => !ok,
        Some(Value::String(text)) if text.trim().eq_ignore_ascii_case("true") => false,
        Some(Value::String(text)) if text.trim().eq_ignore_ascii_case("false") => true,
        None | Some(Value::Null) if result.get("error_code").is_some_and(|c| !c.is_null()) => true,
        None | Some(Value::Null) if result.get("trade").is_some_and(Value::is_object) => false,
        None | Some(Value::Null) => {
            return Some(ResponseError::parse(
                "the answer has none of `success`, `error_code` and the created `trade`: whether Hema created the order is unknown",
            ))
        }
        Some(other) => {
            return Some(ResponseError::parse(format!(
                "`success` is {other}, neither true nor false: whether Hema created the order is unknown"
            )))
        }
    };
    failed.then(|| {
        let text = |name| result.get(name).and_then(Value::as_str).map(str::to_string);
        ResponseError {
            code: text("error_code").unwrap_or_else(|| "failed".into()),
            message: text("error_msg").unwrap_or_else(|| "Hema did not create the order (success: false)".into()),
            ..ResponseError::default()
        }
    })
}

/// `lng,lat` in degrees, e.g. `120,30` (Hangzhou).
pub static GEO: TextCheck = TextCheck {
    name: "lng,lat",
    check: |t| {
        let Some((lng, lat)) = t.split_once(',') else {
            return false;
        };
        let degrees =
            |s: &str, limit: f64| is_decimal_text(s, true) && decimal_value(s).is_some_and(|v| v.abs() <= limit);
        // A space after the comma (`120, 30`) is read, and warned about by the rules.
        degrees(lng.trim(), 180.0) && degrees(lat.trim(), 90.0)
    },
    expected: "`lng,lat` in degrees, longitude −180…180 then latitude −90…90, e.g. \"120,30\"",
    stated: true,
};

/// A non-negative quantity as text (`750`, `0.5`).
pub static QUANTITY_TEXT: TextCheck = TextCheck {
    name: "quantity_text",
    check: |t| is_decimal_text(t, false),
    expected: "a non-negative number as text, e.g. \"750\"",
    stated: true,
};

model! {
    /// 待创建的订单 (alibaba.wdk.trade.order.create `trade`). Fees in fen.
    TradeOrder => TRADE_ORDER {
        opt discount_fee: fen, "优惠金额", "discount on the whole order, fen";
        opt user_nick: text, "用户昵称", "buyer's nickname";
        req pay_time: datetime, "支付时间", "time paid, yyyy-MM-dd HH:mm:ss";
        req origin_fee: fen, "订单原金额", "order amount before discount, fen";
        opt user_mem: text, "用户备注", "buyer's note";
        req pay_fee: fen, "支付金额(=整单原价-整单优惠金额+运费)", "amount paid = origin_fee − discount_fee + delivery_fee, fen";
        req shop_id: text, "门店标识", "store id";
        req user_id: text, "买家标识", "buyer id";
        opt delivery: object(ORDER_DELIVERY, OrderDelivery), "收货人信息", "consignee and delivery";
        req sub_orders: list(SUBORDERS, Suborders, 1), "子订单", "sub-orders (at least one)";
        req out_order_id: text, "外部关联标识", "your order id";
        opt biz_type: text, "渠道业务, 如大润发优鲜=CHANNEL_HALFDAY", "channel business, e.g. CHANNEL_HALFDAY";
    }
}

model! {
    /// 收货人信息
    OrderDelivery => ORDER_DELIVERY {
        opt delivery_start_time: datetime, "配送开始时间", "delivery window start";
        req consignee_name: text, "收货人姓名", "consignee's name";
        opt delivery_end_time: datetime, "配送结束时间", "delivery window end";
        req delivery_geo: checked(GEO), "配送坐标", "delivery coordinates, lng,lat";
        opt delivery_fee: fen, "配送金额", "delivery fee, fen";
        req delivery_address: text, "配送地址", "delivery address";
        req consignee_phone: text, "收货人电话", "consignee's phone";
        opt privacy_phone_flag: int_one_of(0, 1), "是否隐私号 0:非隐私号 1:隐私号", "1 when the phone is a privacy (virtual) number";
    }
}

model! {
    /// 子订单
    Suborders => SUBORDERS {
        req sale_quantity: integer(1, MAX_SAFE_INTEGER), "销售数量", "quantity sold";
        req sku_name: text, "sku名称", "SKU name";
        req sale_price: fen, "销售单价", "unit price, fen";
        req sku_code: text, "sku编码", "SKU code";
        req out_order_id: text, "外部关联标识", "your sub-order id (unique within the order)";
        req origin_fee: fen, "当前商品支付原总价", "line amount before discount, fen";
        opt sale_unit: text, "销售单位(非标品使用)", "sales unit (non-standard goods)";
        opt handling: boolean, "是否加工", "whether processed";
        opt handling_type: text, "加工方式", "processing, e.g. 切片";
        req sale_stock_quantity: checked(QUANTITY_TEXT), "销售实物库存数量", "physical stock quantity sold, numeric text";
        req stock_unit: text, "实物库存单位", "stock unit, e.g. g";
        opt discount_fee: fen, "子商品优惠金额(可以为0)", "line discount, fen";
        opt pay_fee: fen, "子商品实际支付金额(=商品原总-优惠金额价)", "line amount paid = origin_fee − discount_fee, fen";
    }
}

model! {
    /// 执行结果 (alibaba.wdk.trade.order.create `result`)
    OrderResult => ORDER_RESULT {
        opt trade: object(ORDER_RESULT_TRADE, OrderResultTrade), "创建的订单", "the created order";
        opt success: boolean, "是否创建成功", "whether the order was created";
        opt error_code: text, "错误编码", "error code";
        opt error_msg: text, "错误消息", "error message";
    }
}

model! {
    /// 创建的订单
    OrderResultTrade => ORDER_RESULT_TRADE {
        opt discount_fee: fen, "优惠金额", "discount, fen";
        opt user_nick: text, "用户昵称", "buyer's nickname";
        opt order_status: text, "订单状态", "order status, e.g. PAID_DONE";
        opt pay_time: any_json, "支付时间", "time paid";
        opt origin_fee: fen, "订单原金额", "amount before discount, fen";
        opt user_mem: text, "用户备注", "buyer's note";
        opt order_fulfill_status: text, "订单履约状态", "fulfilment status, e.g. SHIPPING";
        opt deliverer: object(ORDER_RESULT_DELIVERER, OrderResultDeliverer), "配送员信息", "courier";
        opt pay_fee: fen, "支付金额", "amount paid, fen";
        opt shop_id: text, "门店标识", "store id";
        opt user_id: text, "买家标识", "buyer id";
        opt biz_order_id: text, "业务订单标识", "Hema order id";
        opt delivery: object(ORDER_RESULT_DELIVERY, OrderResultDelivery), "收货人信息", "consignee and delivery";
        opt merchant_code: text, "商家编码", "merchant code";
        opt sub_orders: list(ORDER_RESULT_SUBORDER, OrderResultSuborder, 0), "子订单", "sub-orders";
        opt out_order_id: text, "外部订单标识", "your order id";
    }
}

model! {
    /// 配送员信息
    OrderResultDeliverer => ORDER_RESULT_DELIVERER {
        opt deliverer_code: text, "配送员编码", "courier code";
        opt deliverer_phone: text, "配送员电话", "courier phone";
        opt deliverer_name: text, "配送员姓名", "courier name";
    }
}

model! {
    /// 收货人信息 (response)
    OrderResultDelivery => ORDER_RESULT_DELIVERY {
        opt delivery_start_time: any_json, "收货开始时间", "delivery window start";
        opt consignee_name: text, "收货人", "consignee";
        opt delivery_end_time: any_json, "收货结束时间", "delivery window end";
        opt delivery_geo: text, "配送坐标", "coordinates, lng,lat";
        opt delivery_fee: fen, "运费", "delivery fee, fen";
        opt delivery_address: text, "配送地址", "address";
        opt consignee_phone: text, "收货人电话", "consignee's phone";
        opt privacy_phone_flag: int_one_of(0, 1), "是否隐私号 0:非隐私号 1:隐私号", "privacy number flag";
        opt merchant_code: text, "商家编码", "merchant code";
    }
}

model! {
    /// 子订单 (response)
    OrderResultSuborder => ORDER_RESULT_SUBORDER {
        opt order_fulfill_status: text, "订单履约状态", "fulfilment status";
        opt sale_quantity: fen, "销售数量", "quantity sold";
        opt sku_name: text, "sku名称", "SKU name";
        opt sale_price: fen, "销售单价", "unit price, fen";
        opt biz_order_id: text, "业务订单标识", "Hema sub-order id";
        opt order_status: text, "订单状态", "order status";
        opt merchant_code: text, "商家编码", "merchant code";
        opt sku_code: text, "sku编码", "SKU code";
        opt out_order_id: text, "外部订单标识", "your sub-order id";
        opt origin_fee: fen, "当前商品支付原总价", "line amount before discount, fen";
        opt sale_unit: text, "销售单位", "sales unit";
        opt shop_id: text, "门店编码", "store code";
        opt handling: boolean, "是否加工", "whether processed";
        opt handling_type: text, "加工方式", "processing";
        opt sale_stock_quantity: text, "销售实物库存数量", "stock quantity sold";
        opt stock_unit: text, "实物库存单位", "stock unit";
        opt discount_fee: fen, "子商品优惠金额", "line discount, fen";
        opt pay_fee: fen, "子商品实际支付金额", "line amount paid, fen";
    }
}

/// A fee that passed its own rule (a whole, non-negative number); cross-field rules relate only
/// valid values, so one bad field is reported once, not again by every sum it is part of.
fn fee(v: &Node, name: &str) -> Option<i64> {
    v.get(name).and_then(Node::as_i64).filter(|n| *n >= 0)
}

/// An optional fee: 0 when absent, `None` when present but invalid.
fn optional_fee(v: &Node, name: &str) -> Option<i64> {
    match v.get(name) {
        None | Some(Node::Null) => Some(0),
        Some(_) => fee(v, name),
    }
}

/// The doc's formulas and the sums it implies.
pub fn rules(trade: &Node, issues: &mut Issues) {
    let root = Path::Root;
    let delivery_fee = optional_fee(trade.get("delivery").unwrap_or(&Node::Null), "delivery_fee");
    let discount = optional_fee(trade, "discount_fee");
    if let (Some(origin), Some(pay), Some(discount), Some(delivery_fee)) =
        (fee(trade, "origin_fee"), fee(trade, "pay_fee"), discount, delivery_fee)
    {
        let expected = origin - discount + delivery_fee;
        if pay != expected {
            issues.error(
                &root.key("pay_fee"),
                Code::Mismatch,
                format!("`pay_fee` must be origin_fee − discount_fee + delivery.delivery_fee = {origin} − {discount} + {delivery_fee} = {expected} (got {pay})"),
            );
        }
    }
    if let Some(delivery) = trade.get("delivery") {
        let path = root.key("delivery");
        delivery_window(delivery, &path, issues);
        let geo = delivery.get("delivery_geo").and_then(Node::as_str);
        if geo.is_some_and(|g| g.contains(char::is_whitespace) && (GEO.check)(g)) {
            issues.warning(
                &path.key("delivery_geo"),
                Code::Format,
                "`delivery_geo` has spaces; the doc's form is `lng,lat` without them (e.g. \"120,30\"); sent as given",
            );
        }
    }
    let Some(subs) = trade.get("sub_orders").and_then(Node::as_array) else {
        return;
    };
    let subs_path = root.key("sub_orders");
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(subs.len());
    for (i, sub) in subs.iter().enumerate() {
        let here = subs_path.index(i);
        sub_order_rules(sub, &here, issues);
        if let Some(id) = sub.get("out_order_id").and_then(Node::as_str) {
            if let Some(first) = seen.insert(id, i) {
                issues.error(
                    &here.key("out_order_id"),
                    Code::Duplicate,
                    format!("`out_order_id` {id:?} is already used by sub_orders/{first}"),
                );
            }
        }
    }
    let sum: Option<i64> = subs.iter().map(|s| fee(s, "origin_fee")).sum();
    if let (Some(sum), Some(origin), false) = (sum, fee(trade, "origin_fee"), subs.is_empty()) {
        if sum != origin {
            issues.warning(
                &root.key("origin_fee"),
                Code::Mismatch,
                format!("`origin_fee` ({origin}) differs from the sub-orders' origin_fee total ({sum})"),
            );
        }
    }
}

fn delivery_window(delivery: &Node, path: &Path, issues: &mut Issues) {
    let time = |name| delivery.get(name).and_then(Node::as_str).and_then(DateTime::parse);
    if let (Some(start), Some(end)) = (time("delivery_start_time"), time("delivery_end_time")) {
        if start > end {
            issues.error(
                &path.key("delivery_end_time"),
                Code::Mismatch,
                "`delivery_end_time` is before `delivery_start_time`",
            );
        }
    }
}

fn sub_order_rules(sub: &Node, path: &Path, issues: &mut Issues) {
    let (Some(origin), Some(pay), Some(discount)) =
        (fee(sub, "origin_fee"), fee(sub, "pay_fee"), optional_fee(sub, "discount_fee"))
    else {
        return;
    };
    if pay != origin - discount {
        issues.error(
            &path.key("pay_fee"),
            Code::Mismatch,
            format!(
                "`pay_fee` must be origin_fee − discount_fee = {origin} − {discount} = {} (got {pay})",
                origin - discount
            ),
        );
    }
    let quantity = fee(sub, "sale_quantity").filter(|q| *q >= 1);
    if let (Some(price), Some(quantity)) = (fee(sub, "sale_price"), quantity) {
        if price.checked_mul(quantity) != Some(origin) {
            issues.warning(
                &path.key("origin_fee"),
                Code::Mismatch,
                format!("`origin_fee` ({origin}) differs from sale_price × sale_quantity ({price} × {quantity})"),
            );
        }
    }
}
