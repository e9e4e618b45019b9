//! `alibaba.intention.order.save` (意向单创建接口): an ICBU CRM intention order.
//! Doc: docs/provider-docs/top-alibaba.intention.order.save.txt. Every field of the doc is optional;
//! the business parameter is `intention_order`.
//!
//! Decisions where the doc contradicts itself:
//! - `shipment_method`'s and `type`'s example values are their enum descriptions pasted in
//!   ("express/air/sea/land:快递/空运/海运/陆运/", "Sample/ Customized/Standard"): the enums are
//!   express/air/sea/land and Sample/Customized/Standard, and those pasted texts are errors.
//! - The `properties` examples ("JSON字符串格式") are not JSON; the description says JSON text,
//!   so valid JSON text is required.
//! - `intention_order_id` is optional ("如果是创建意向单不需要填写": not needed when creating). When
//!   given, the save updates that intention order instead of creating one: allowed, with a warning.
//! - The example sets both `delivery_date_relative_duration` and `delivery_date_absolute_time`
//!   with type `relative`: the type decides which one is required; the other is only warned
//!   about (it is still sent, since it is the caller's).

use serde_json::Value;

use crate::doc::Node;

use super::OrderMethod;
use crate::endpoint::Endpoint;
use crate::issue::{Code, Issues, Path};
use crate::response::ResponseError;
use crate::schema::{model, TextCheck};
use crate::validate::text::{decimal_value, is_decimal_text, number_text};

pub static ENDPOINT: Endpoint = Endpoint {
    id: "top:alibaba.intention.order.save",
    title: "ICBU CRM intention order",
    title_zh: "意向单创建接口",
    order: &INTENTION_ORDER,
    rules,
    example: include_str!("example.json"),
    transport: &OrderMethod {
        method: "alibaba.intention.order.save",
        param: "intention_order",
        response_field: "value",
        response: &INTENTION_ORDER_RESPONSE,
        business_failure: not_saved,
    },
    // No field of the request identifies it to the gateway: a repeat creates a second order.
    idempotent: false,
    key_field: Some("source_channel_refer_id"),
    source: file!(),
};

/// The doc's answer to a save is the new order's `intention_id`; an answer without one does not
/// show the order was saved, and is not reported as saved (a parse error: the caller looks).
fn not_saved(value: &Value) -> Option<ResponseError> {
    let saved = match value.get("intention_id") {
        Some(Value::String(id)) => !id.trim().is_empty(),
        Some(Value::Number(_)) => true,
        _ => false,
    };
    (!saved).then(|| {
        ResponseError::parse("the answer has no `intention_id`: whether the intention order was saved is unknown")
    })
}

/// ISO 3166-2 subdivision part: 1–3 upper-case letters or digits (`CA`, `NY`, `11`).
pub static PROVINCE_CODE: TextCheck = TextCheck {
    name: "province_code",
    check: |t| (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
    expected: "a province/state code of 1 to 3 upper-case letters or digits, such as CA",
    stated: false,
};

/// Phone parts (`country` 001, `area` 8, `number` 123456789): digits, optionally spaced or hyphenated.
pub static PHONE_PART: TextCheck = TextCheck {
    name: "phone_part",
    check: |t| {
        let digits = t.strip_prefix('+').unwrap_or(t);
        digits.bytes().any(|b| b.is_ascii_digit())
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b' ')
    },
    expected: "digits (spaces, hyphens and a leading + allowed)",
    stated: false,
};

model! {
    /// 意向单结构 (alibaba.intention.order.save `intention_order`)
    IntentionOrderSaveRequest => INTENTION_ORDER {
        opt buyer_fax: text, "买家传真号码", "buyer's fax number";
        opt buyer_telephone: text, "买家电话号码", "buyer's telephone number";
        opt buyer_email: email, "买家电邮地址", "buyer's e-mail address";
        opt remark: text, "订单备注", "order remark";
        opt trade_term: text, "贸易条款", "trade term (Incoterm), e.g. FOB";
        opt buyer_zip_code: text, "买家邮编", "buyer's postcode";
        opt order_amount: decimal_text, "订单总价", "order total, decimal text";
        opt buyer_city: text, "买家城市", "buyer's city";
        opt intention_order_logistics: object(INTENTION_ORDER_LOGISTICS, IntentionOrderLogistics), "意向单物流结构", "logistics";
        opt currency: currency, "交易货币类型", "trade currency, ISO 4217";
        opt source_channel_refer_id: text, "渠道订单ID", "channel order id";
        opt buyer_province: text, "买家省/州", "buyer's province or state";
        opt buyer_contact_address: text, "买家联系地址", "buyer's contact address";
        opt buyer_country_port: text, "买家收货港口名称", "buyer's port of delivery";
        opt intention_order_products: list(INTENTION_ORDER_PRODUCT, IntentionOrderProduct, 0), "意向单商品结构", "products";
        opt buyer_country_port_code: text, "买家收货港口代码", "buyer's port code";
        opt intention_order_id: text, "意向单ID,如果是创建意向单不需要填写", "intention order id: give it only to update that order";
        opt buyer_name: text, "买家名称", "buyer's name";
        opt buyer_company_name: text, "买家公司名称", "buyer's company";
        opt buyer_country_code: country2, "买家国家代码", "buyer's country, ISO 3166-1 alpha-2";
        opt buyer_country: text, "买家国家", "buyer's country";
        opt advanced_amount: decimal_text, "预付款金额", "advance payment, decimal text";
        opt buyer_province_code: checked(PROVINCE_CODE), "买家省/州代码", "buyer's province or state code";
        opt buyer_city_code: text, "买家城市代码", "buyer's city code";
        opt buyer_mobile: text, "买家移动电话", "buyer's mobile";
        opt properties: json_text, "订单扩展属性 (JSON结构字符串)", "order extension properties, JSON text";
        opt status: one_of("DRAFT", "APPROACHED", "BUYER_CONFIRMED", "CONFIRMED", "CANCELLED"),
            "订单状态 起草意向单/已和买家联系/买家已确认/双方确定/已取消", "status";
    }
}

model! {
    /// 意向单物流结构
    IntentionOrderLogistics => INTENTION_ORDER_LOGISTICS {
        opt shipment_fee: decimal_text, "物流费", "shipping fee, decimal text";
        opt country: text, "收货国家", "destination country";
        opt city: text, "收货城市", "destination city";
        opt city_code: text, "收货城市代码", "destination city code";
        opt contact_person: text, "收货人", "consignee";
        opt departure_port: text, "发货港", "port of departure";
        opt delivery_date_type: one_of("absolute", "relative", "relative_balance"),
            "发货日期类型:绝对时间/预付款收齐/尾款收齐", "ship-date type: absolute date / days after advance / days after balance";
        opt address_id: text, "物流地址ID(根据国际站的物流地址ID保持一致)", "Alibaba.com logistics address id";
        opt delivery_date_relative_duration: integer(0, 36500),
            "发货时间,适用于预付款收齐后多少天发货、尾款收齐后多少天发货两种发货类型 单位:天", "days after payment until shipment";
        opt shipment_method: one_of("express", "air", "sea", "land"), "运输方式 快递/空运/海运/陆运", "shipment method";
        opt province: text, "收货省/州", "destination province or state";
        opt departure_city_code: text, "发货城市代码", "departure city code";
        opt country_code: country2, "收货国家代码", "destination country, ISO 3166-1 alpha-2";
        opt delivery_date_absolute_time: datetime, "绝对发货时间,格式传 yyyy-MM-dd HH:mm:ss", "absolute ship date";
        opt fax: object(PHONE, Phone), "收货人传真结构", "consignee's fax";
        opt departure_port_code: text, "发货港口代码", "port of departure code";
        opt zip: text, "收货人邮编", "consignee's postcode";
        opt address: text, "收货详细地址", "delivery address";
        opt departure_city: text, "发货城市", "departure city";
        opt province_code: checked(PROVINCE_CODE), "收货人省/州代码", "destination province or state code";
        opt mobile: object(PHONE, Phone), "收货人移动电话结构", "consignee's mobile";
        opt telephone: object(PHONE, Phone), "收货人电话结构", "consignee's telephone";
        opt port_code: text, "收货人港口代码", "port of destination code";
        opt carrier: text, "承运商", "carrier";
        opt port: text, "收货人港口名称", "port of destination";
        opt carrier_code: text, "承运商代码", "carrier code";
        opt alternate_address: text, "收货人备份详细地址", "alternate delivery address";
        opt properties: json_text, "物流扩展属性 (JSON字符串格式)", "logistics extension properties, JSON text";
    }
}

model! {
    /// 收货人电话/传真结构
    Phone => PHONE {
        opt area: checked(PHONE_PART), "区域号码", "area code";
        opt country: checked(PHONE_PART), "国家号码", "country calling code";
        opt number: checked(PHONE_PART), "号码", "number";
    }
}

model! {
    /// 意向单商品结构
    IntentionOrderProduct => INTENTION_ORDER_PRODUCT {
        opt product_desc: text, "商品描述", "description";
        opt product_spec: text, "商品规格描述", "specification";
        opt sku_id: text, "SKU ID,跟国际站SKU ID保持一致", "Alibaba.com SKU id";
        opt quantity: decimal_text, "商品数量", "quantity, decimal text";
        opt original_unit_price: decimal_text, "商品原始单价", "original unit price, decimal text";
        opt unit_price: decimal_text, "商品单价", "unit price, decimal text";
        opt unit: text, "商品单位", "unit, e.g. Pieces";
        opt image_url: url, "商品图片地址URL,先调用API(alibaba.order.picture.upload)上传图片", "image URL (upload with alibaba.order.picture.upload)";
        opt r#type = "type": one_of("Sample", "Customized", "Standard"), "商品类型", "product type";
        opt name: text, "商品名称", "name";
        opt product_id: id, "商品ID,跟国际站商品ID保持一致", "Alibaba.com product id";
        opt properties: json_text, "商品扩展属性 (JSON结构字符串)", "product extension properties, JSON text";
    }
}

model! {
    /// 返回值接口
    IntentionOrderResponse => INTENTION_ORDER_RESPONSE {
        opt intention_id: text, "意向单ID", "the new intention order's id";
    }
}

/// What the doc implies beyond single fields.
pub fn rules(order: &Node, issues: &mut Issues) {
    let root = Path::Root;
    if order.get("intention_order_id").is_some_and(|v| !v.is_null()) {
        issues.warning(
            &root.key("intention_order_id"),
            Code::Mismatch,
            "with `intention_order_id` the save updates that intention order instead of creating a new one",
        );
    }
    if let Some(logistics) = order.get("intention_order_logistics") {
        delivery_date_rules(logistics, &root.key("intention_order_logistics"), issues);
    }
    amount_rules(order, issues);
}

/// `delivery_date_type` decides which delivery date field is required.
fn delivery_date_rules(logistics: &Node, path: &Path, issues: &mut Issues) {
    const ABSOLUTE: &str = "delivery_date_absolute_time";
    const RELATIVE: &str = "delivery_date_relative_duration";
    let (needed, unused) = match logistics.get("delivery_date_type").and_then(Node::as_str) {
        Some("absolute") => (ABSOLUTE, RELATIVE),
        Some("relative" | "relative_balance") => (RELATIVE, ABSOLUTE),
        _ => return,
    };
    let kind = logistics.get("delivery_date_type").and_then(Node::as_str).unwrap_or_default();
    if logistics.get(needed).is_none_or(Node::is_null) {
        issues.error(
            &path.key(needed),
            Code::Required,
            format!("`{needed}` is required when `delivery_date_type` is {kind}"),
        );
    }
    if logistics.get(unused).is_some_and(|v| !v.is_null()) {
        issues.warning(
            &path.key(unused),
            Code::Mismatch,
            format!("`{unused}` does not apply when `delivery_date_type` is {kind}; the gateway will ignore it"),
        );
    }
}

/// Amounts the doc does not relate explicitly, checked as warnings: the products' total against
/// `order_amount` (with or without the shipping fee), and the advance against the total.
fn amount_rules(order: &Node, issues: &mut Issues) {
    let decimal =
        |v: Option<&Node>| v.and_then(Node::as_str).filter(|s| is_decimal_text(s, false)).and_then(decimal_value);
    let Some(total) = decimal(order.get("order_amount")) else {
        return;
    };
    let root = Path::Root;
    if let Some(advance) = decimal(order.get("advanced_amount")).filter(|a| *a > total) {
        issues.warning(
            &root.key("advanced_amount"),
            Code::Mismatch,
            format!(
                "`advanced_amount` ({}) is more than `order_amount` ({})",
                number_text(advance),
                number_text(total)
            ),
        );
    }
    let Some(products) = order.get("intention_order_products").and_then(Node::as_array).filter(|p| !p.is_empty())
    else {
        return;
    };
    let lines: Option<Vec<f64>> =
        products.iter().map(|p| Some(decimal(p.get("quantity"))? * decimal(p.get("unit_price"))?)).collect();
    let Some(lines) = lines else { return };
    let goods: f64 = lines.iter().sum();
    let shipping = order.get("intention_order_logistics").and_then(|l| decimal(l.get("shipment_fee"))).unwrap_or(0.0);
    let close = |a: f64, b: f64| (a - b).abs() < 0.005;
    if !close(total, goods) && !close(total, goods + shipping) {
        issues.warning(
            &root.key("order_amount"),
            Code::Mismatch,
            format!(
                "`order_amount` ({}) is neither the products' quantity × unit_price total ({}) nor that plus the shipment fee ({})",
                number_text(total),
                number_text(goods),
                number_text(goods + shipping)
            ),
        );
    }
}
